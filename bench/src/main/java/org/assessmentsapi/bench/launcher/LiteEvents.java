package org.assessmentsapi.bench.launcher;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event JSON to the handler's input type with the JDK only (a small JSON reader and the type's setters),
 * and the response to JSON through its getters. It plays the runtime's (de)serializer without loading a JSON
 * library: the runtime's own classes are the same for every handler and would only blur the ratio between
 * two handlers; and a JSON library on the launcher's side could share classes with the handler's jar.
 */
final class LiteEvents {

    private final String json;
    private int at;

    private LiteEvents(String json) {
        this.json = json;
    }

    static Object read(String json, Class<?> type) throws Exception {
        LiteEvents reader = new LiteEvents(json);
        Object tree = reader.value();
        return convert(tree, type, type);
    }

    @SuppressWarnings("unchecked")
    private static Object convert(Object value, Class<?> type, Type generic) throws Exception {
        if (value == null) {
            return null;
        }
        if (type == String.class) {
            return value.toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return value;
        }
        if (type == long.class || type == Long.class) {
            return ((Number) value).longValue();
        }
        if (type == int.class || type == Integer.class) {
            return ((Number) value).intValue();
        }
        if (Map.class.isAssignableFrom(type)) {
            return value; // the event's maps are Map<String, String>
        }
        if (List.class.isAssignableFrom(type)) {
            // A list of events (e.g. SQSEvent's records): each element to the list's element type.
            if (generic instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> element
                    && element != String.class) {
                List<Object> elements = new ArrayList<>();
                for (Object item : (List<Object>) value) {
                    elements.add(convert(item, element, element));
                }
                return elements;
            }
            return value;
        }
        Object target = type.getConstructor().newInstance();
        Map<String, Method> setters = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            if (method.getName().startsWith("set") && method.getParameterCount() == 1) {
                setters.put(method.getName().substring(3).toLowerCase(java.util.Locale.ROOT), method);
            }
        }
        for (Map.Entry<String, Object> field : ((Map<String, Object>) value).entrySet()) {
            Method setter = setters.get(field.getKey().toLowerCase(java.util.Locale.ROOT));
            if (setter != null) {
                setter.invoke(target, convert(field.getValue(), setter.getParameterTypes()[0], setter.getGenericParameterTypes()[0]));
            }
        }
        return target;
    }

    /**
     * statusCode, headers, body and isBase64Encoded: what API Gateway reads of a v2 response; or, for an SQS batch
     * response, the ids of its batchItemFailures (what the event source mapping reads).
     */
    static String write(Object response) throws Exception {
        if (hasGetter(response, "getBatchItemFailures")) {
            StringBuilder out = new StringBuilder("{\"batchItemFailures\":[");
            boolean first = true;
            for (Object failure : (List<?>) response.getClass().getMethod("getBatchItemFailures").invoke(response)) {
                out.append(first ? "" : ",").append("{\"itemIdentifier\":")
                        .append(quote(String.valueOf(failure.getClass().getMethod("getItemIdentifier").invoke(failure)))).append('}');
                first = false;
            }
            return out.append("]}").toString();
        }
        StringBuilder out = new StringBuilder("{\"statusCode\":").append(response.getClass().getMethod("getStatusCode").invoke(response));
        Object headers = response.getClass().getMethod("getHeaders").invoke(response);
        if (headers instanceof Map<?, ?> map) {
            out.append(",\"headers\":{");
            boolean first = true;
            for (Map.Entry<?, ?> header : map.entrySet()) {
                out.append(first ? "" : ",").append(quote(header.getKey().toString())).append(':').append(quote(header.getValue().toString()));
                first = false;
            }
            out.append('}');
        }
        Object body = response.getClass().getMethod("getBody").invoke(response);
        if (body != null) {
            out.append(",\"body\":").append(quote(body.toString()));
        }
        return out.append(",\"isBase64Encoded\":false}").toString();
    }

    private static boolean hasGetter(Object target, String name) {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Not the functions jar's own JSON escaping (logging.Log): the launcher plays the Lambda runtime and must
     * not load or warm any class of the measured jar, or the class counts and timings would be off.
     */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private Object value() {
        skip();
        char c = json.charAt(at);
        switch (c) {
            case '{': {
                at++;
                Map<String, Object> object = new LinkedHashMap<>();
                skip();
                if (json.charAt(at) == '}') {
                    at++;
                    return object;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    at++; // ':'
                    object.put(key, value());
                    skip();
                    if (json.charAt(at++) == '}') {
                        return object;
                    }
                }
            }
            case '[': {
                at++;
                List<Object> list = new ArrayList<>();
                skip();
                if (json.charAt(at) == ']') {
                    at++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (json.charAt(at++) == ']') {
                        return list;
                    }
                }
            }
            case '"':
                return string();
            case 't':
                at += 4;
                return Boolean.TRUE;
            case 'f':
                at += 5;
                return Boolean.FALSE;
            case 'n':
                at += 4;
                return null;
            default: {
                int start = at;
                while (at < json.length() && "+-0123456789.eE".indexOf(json.charAt(at)) >= 0) {
                    at++;
                }
                String number = json.substring(start, at);
                return number.contains(".") || number.contains("e") || number.contains("E")
                        ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
            }
        }
    }

    private String string() {
        at++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = json.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = json.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private void skip() {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
    }
}
