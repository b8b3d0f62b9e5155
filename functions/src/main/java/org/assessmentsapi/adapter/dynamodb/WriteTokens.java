package org.assessmentsapi.adapter.dynamodb;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tells a retried update that had already been applied from one that lost to another writer.
 *
 * <p>The SDK retries an attempt whose answer was lost (a timeout, a reset connection) with the same request. When
 * the lost attempt was applied, the retry's version condition fails on the item that attempt wrote, and without
 * more the client would get a 409 for its own successful change. So every update writes a fresh token
 * ({@code lastWrite}) that the request carries unchanged through its retries: a refused attempt whose old item
 * holds the request's token was refused by the request's own earlier success, and that item is the answer.
 *
 * <p>The token only has to differ between requests that write the same item (128 random bits); it guards no
 * secret, so a {@link ThreadLocalRandom} is enough and the write path touches no {@code SecureRandom}.
 */
final class WriteTokens {

    private static final HexFormat HEX = HexFormat.of();

    private WriteTokens() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }

    /** True when {@code item} was last written by the update that carried {@code token}. */
    static boolean wrote(Map<String, AttributeValue> item, String token) {
        AttributeValue last = item.get(Attributes.LAST_WRITE);
        return last != null && token.equals(last.s());
    }
}
