package org.assessmentsapi.support;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assessmentsapi.adapter.auth.JwksSettings;
import org.assessmentsapi.adapter.http.ApiHandler;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.AssessmentsTable;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.devkit.Dynalite;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * One dynalite server, one development issuer (with its JWKS over HTTP) and one table for the whole test
 * JVM: starting them once keeps the suite fast; every test works on assessments it creates itself.
 */
public final class TestEnvironment {

    public static final String TABLE = "assessments";

    private static TestEnvironment instance;

    public final Dynalite dynalite;
    public final DevIssuer issuer;
    public final DynamoDbClient dynamoDb;
    public final AppConfig config;
    /** The issuer's keys, found through its discovery document, fetched over HTTP and cached, as the function does. */
    public final JWKSource<SecurityContext> keys;
    /** The shared table, as the handlers store assessments in it. */
    public final AssessmentRepository repository;
    /** The API handler, every response of which is checked against docs/openapi.yaml. */
    public final ContractCheckedHandler handler;

    private TestEnvironment() {
        dynalite = Dynalite.start();
        issuer = DevIssuer.start();
        dynamoDb = AssessmentsTable.localClient(dynalite.endpoint());
        AssessmentsTable.createIfMissing(dynamoDb, TABLE);
        config = configFor(dynalite.endpoint().toString(), TABLE);
        keys = Wiring.issuerKeys(config, JwksSettings.PRODUCTION);
        repository = Wiring.repository(config, dynamoDb);
        handler = ContractCheckedHandler.ofTheDocument(apiHandler());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            issuer.close();
            dynalite.close();
        }));
    }

    public static synchronized TestEnvironment get() {
        if (instance == null) {
            instance = new TestEnvironment();
        }
        return instance;
    }

    /** The API handler on the shared table, with its issuer and store, for the handler tests. */
    public ApiFixture api() {
        return new ApiFixture(issuer, handler, repository);
    }

    /** A new API handler on the shared table and keys, wired as on Lambda (without the contract check). */
    public ApiHandler apiHandler() {
        return Wiring.api(config, dynamoDb, keys, Clock.systemUTC());
    }

    /** The configuration the Lambda would read from its environment, pointing at the test servers. */
    public AppConfig configFor(String endpoint, String table) {
        return AppConfig.fromEnvironment(Map.of(
                "TABLE_NAME",
                table,
                "DYNAMODB_ENDPOINT",
                endpoint,
                "AWS_REGION",
                "us-east-1",
                "JWT_ISSUER",
                issuer.issuer(),
                "JWT_AUDIENCE",
                issuer.audience()));
    }

    /** A handler on its own table of the shared dynalite, for tests that count or compare whole tables. */
    public ContractCheckedHandler handlerOnTable(String table) {
        AssessmentsTable.createIfMissing(dynamoDb, table);
        return handlerWith(configFor(dynalite.endpoint().toString(), table), dynamoDb);
    }

    /** An item as stored, every attribute as DynamoDB holds it (consistent read); empty when absent. */
    public Map<String, AttributeValue> rawItem(String table, String id) {
        return dynamoDb.getItem(b -> b.tableName(table)
                        .key(Map.of("id", AttributeValue.fromS(id)))
                        .consistentRead(true))
                .item();
    }

    /** Every item of a table, as DynamoDB returns it (consistent scan), in a stable order: for before/after comparisons. */
    public List<String> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true))
                .items()
                .forEach(items::add);
        items.sort(Comparator.comparing(item -> item.get("id").s()));
        return items.stream().map(item -> new TreeMap<>(item).toString()).toList();
    }

    /** A client of the shared dynalite whose calls pass through the interceptors (to record or fail them). */
    public DynamoDbClient clientWith(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(
                        c -> java.util.Arrays.stream(interceptors).forEach(c::addExecutionInterceptor))
                .build();
    }

    /** How many items a table holds (a full scan: for the small tables of tests only). */
    public int itemCount(String table) {
        return dynamoDb.scanPaginator(b -> b.tableName(table).select(Select.COUNT)).stream()
                .mapToInt(r -> r.count())
                .sum();
    }

    /**
     * A handler on the shared table that trusts {@code issuer} for {@code audience}, configured by the Lambda's
     * variables plus {@code more} (e.g. READ_SCOPE, JWT_STRICT_TYPE, JWKS_URL), with its own key cache.
     */
    public ContractCheckedHandler handlerTrusting(String issuer, String audience, Map<String, String> more) {
        Map<String, String> variables = new java.util.HashMap<>(Map.of(
                "TABLE_NAME", TABLE,
                "DYNAMODB_ENDPOINT", dynalite.endpoint().toString(),
                "JWT_ISSUER", issuer,
                "JWT_AUDIENCE", audience));
        variables.putAll(more);
        return handlerWith(AppConfig.fromEnvironment(variables), dynamoDb);
    }

    /** A handler over the same issuer but another store, e.g. an unreachable endpoint or a missing table. */
    public ContractCheckedHandler handlerWith(AppConfig otherConfig, DynamoDbClient otherClient) {
        return handlerWith(otherConfig, otherClient, JwksSettings.PRODUCTION);
    }

    /** The same, with its own key cache of these settings (e.g. a rate-limit window a test can wait out). */
    public ContractCheckedHandler handlerWith(AppConfig otherConfig, DynamoDbClient otherClient, JwksSettings jwks) {
        JWKSource<SecurityContext> keys = Wiring.issuerKeys(otherConfig, jwks);
        return ContractCheckedHandler.ofTheDocument(Wiring.api(otherConfig, otherClient, keys, Clock.systemUTC()));
    }
}
