package org.assessmentsapi.adapter.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assessmentsapi.adapter.validation.StrictJson;

/**
 * Reading a Lambda invocation's event JSON and writing its response JSON, for the handlers that take the raw
 * stream (the API's and the events function's), so that the runtime's own serializer, and its ~800 classes and
 * its joda-time date module, never run (see docs/events.md).
 *
 * <p>The event is read with {@link StrictJson} into a tree, then picked field by field: a field that is absent or
 * JSON {@code null} reads as absent, a field of the wrong type is a {@link MalformedEventException} naming it, and
 * every field not asked for is ignored (AWS adds fields to its events over time).
 */
public final class EventJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private EventJson() {}

    /** The event's top-level object. */
    public static JsonNode readObject(InputStream in) throws MalformedEventException {
        JsonNode event;
        try {
            event = StrictJson.read(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedEventException("the event is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new MalformedEventException("the event could not be read: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new MalformedEventException("the event is not a JSON object");
        }
        return event;
    }

    /** A nested object, or null when absent. */
    public static JsonNode object(JsonNode parent, String field) throws MalformedEventException {
        JsonNode value = present(parent, field);
        if (value != null && !value.isObject()) {
            throw wrongType(field, "an object");
        }
        return value;
    }

    /** An array, or null when absent. */
    public static JsonNode array(JsonNode parent, String field) throws MalformedEventException {
        JsonNode value = present(parent, field);
        if (value != null && !value.isArray()) {
            throw wrongType(field, "an array");
        }
        return value;
    }

    /** A string, or null when absent (or when {@code parent} itself is). */
    public static String text(JsonNode parent, String field) throws MalformedEventException {
        JsonNode value = present(parent, field);
        if (value != null && !value.isTextual()) {
            throw wrongType(field, "a string");
        }
        return value == null ? null : value.textValue();
    }

    /** A boolean, false when absent. */
    public static boolean bool(JsonNode parent, String field) throws MalformedEventException {
        JsonNode value = present(parent, field);
        if (value != null && !value.isBoolean()) {
            throw wrongType(field, "true or false");
        }
        return value != null && value.booleanValue();
    }

    /** An object of strings (headers, path parameters), in the event's order; empty when absent. */
    public static Map<String, String> strings(JsonNode parent, String field) throws MalformedEventException {
        JsonNode value = object(parent, field);
        Map<String, String> strings = new LinkedHashMap<>();
        if (value != null) {
            for (var entry : value.properties()) {
                if (!entry.getValue().isTextual()) {
                    throw wrongType(field + "." + entry.getKey(), "a string");
                }
                strings.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        return strings;
    }

    /** A generator of response JSON onto the runtime's output; closing it flushes, and leaves {@code out} open. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static MalformedEventException wrongType(String field, String expected) {
        return new MalformedEventException("'" + field + "' is not " + expected);
    }
}
