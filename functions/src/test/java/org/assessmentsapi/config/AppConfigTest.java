package org.assessmentsapi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.assessmentsapi.Application;
import org.assessmentsapi.http.ApiHandler;
import org.assessmentsapi.support.TestEnvironment;
import org.junit.jupiter.api.Test;

/** Each function requires what it uses: the API its JWT settings, the events function only the store. */
class AppConfigTest {

    @Test
    void theEventsFunctionNeedsNoJwtSettings() {
        AppConfig config = AppConfig.forEvents(Map.of("TABLE_NAME", "assessments-prod"));
        assertEquals("assessments-prod", config.tableName());
        assertEquals(Optional.empty(), config.jwt());
    }

    @Test
    void theApiStillFailsFastWithoutJwtSettingsListingBoth() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AppConfig.fromEnvironment(Map.of("TABLE_NAME", "assessments-prod")));
        assertTrue(e.getMessage().contains("JWT_ISSUER is required"), e.getMessage());
        assertTrue(e.getMessage().contains("JWT_AUDIENCE is required"), e.getMessage());
    }

    @Test
    void storeProblemsAreReportedForTheEventsFunctionToo() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AppConfig.forEvents(Map.of("TABLE_NAME", "x", "DYNAMODB_ENDPOINT", "ftp://nowhere")));
        assertTrue(e.getMessage().contains("TABLE_NAME"), e.getMessage());
        assertTrue(e.getMessage().contains("DYNAMODB_ENDPOINT"), e.getMessage());
    }

    @Test
    void anApiHandlerCannotBeBuiltWithoutAnAuthenticator() {
        TestEnvironment env = TestEnvironment.get();
        Application withoutJwt = Application.withoutAuthentication(AppConfig.forEvents(Map.of()), env.dynamoDb, Clock.systemUTC());
        assertThrows(ConfigurationException.class, () -> new ApiHandler(withoutJwt));
    }
}
