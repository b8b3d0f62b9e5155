package org.assessmentsapi.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.assessmentsapi.adapter.validation.FieldError;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.Timestamps;

/**
 * Writes response bodies with Jackson's streaming generator: no reflection, no bean introspection, a
 * fixed field order, and null risk fields written as null (they are part of the documented shape).
 */
final class JsonWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonWriter() {}

    static String assessment(Assessment a) {
        return write(json -> writeAssessment(json, a));
    }

    /** A page of the list: {@code {"items": [...], "nextCursor": "..." | null}}. */
    static String page(List<Assessment> items, Optional<String> nextCursor) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (Assessment item : items) {
                writeAssessment(json, item);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", nextCursor.orElse(null));
            json.writeEndObject();
        });
    }

    private static void writeAssessment(JsonGenerator json, Assessment a) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", a.id());
        json.writeStringField("name", a.name());
        json.writeStringField("companyName", a.companyName());
        json.writeStringField("companyType", a.companyType());
        json.writeStringField("country", a.country());
        json.writeStringField("status", a.status() == null ? null : a.status().name());
        json.writeStringField(
                "intakeMode", a.intakeMode() == null ? null : a.intakeMode().name());
        writeNumber(json, "progress", a.progress());
        json.writeNumberField("version", a.version());
        writeNumber(json, "overallRiskScore", a.overallRiskScore());
        json.writeStringField(
                "overallRiskLevel",
                a.overallRiskLevel() == null ? null : a.overallRiskLevel().name());
        json.writeStringField("userId", a.userId());
        json.writeStringField("createdAt", a.createdAt() == null ? null : Timestamps.format(a.createdAt()));
        json.writeStringField("updatedAt", a.updatedAt() == null ? null : Timestamps.format(a.updatedAt()));
        json.writeEndObject();
    }

    static String problem(Problem problem) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("type", problem.type().uri());
            json.writeStringField("title", problem.type().title());
            json.writeNumberField("status", problem.type().status());
            json.writeStringField("detail", problem.detail());
            if (problem.errors() != null) {
                json.writeArrayFieldStart("errors");
                for (FieldError error : problem.errors()) {
                    json.writeStartObject();
                    if (error.field() != null) {
                        json.writeStringField("field", error.field());
                    }
                    json.writeStringField("message", error.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (problem.currentVersion() != null) {
                json.writeNumberField("currentVersion", problem.currentVersion());
            }
            json.writeEndObject();
        });
    }

    private static void writeNumber(JsonGenerator json, String name, BigDecimal value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
