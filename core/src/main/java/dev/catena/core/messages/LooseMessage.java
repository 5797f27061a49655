package dev.catena.core.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The conversion behind {@link Messages#convert(List)}: one loose value to a message, or a clear error. */
final class LooseMessage {

    private LooseMessage() {
    }

    static ChatMessage convert(Object item, String where) {
        if (item instanceof ChatMessage m) {
            return m;
        }
        if (item instanceof String text) {
            return UserMessage.of(text);
        }
        if (item instanceof Map.Entry<?, ?> pair) {
            return pair(pair.getKey(), pair.getValue(), where);
        }
        if (item instanceof List<?> list && list.size() == 2) {
            return pair(list.get(0), list.get(1), where);
        }
        if (item instanceof Object[] array && array.length == 2) {
            return pair(array[0], array[1], where);
        }
        if (item instanceof Map<?, ?> map) {
            return fromMap(map, where);
        }
        throw new MessageFormatException(where + ": cannot make a message of " + describe(item)
                + "; give a ChatMessage, a string, a (role, text) pair or an OpenAI-shaped map");
    }

    private static ChatMessage pair(Object role, Object content, String where) {
        if (!(role instanceof String r) || !(content instanceof String text)) {
            throw new MessageFormatException(where + ": a (role, text) pair needs two strings, got ("
                    + describe(role) + ", " + describe(content) + ")");
        }
        return switch (role(r, where)) {
            case SYSTEM -> new SystemMessage(text);
            case USER -> UserMessage.of(text);
            case AI -> AiMessage.of(text);
            case TOOL -> throw new MessageFormatException(where + ": a tool message needs the id of the call it answers;"
                    + " give a map with tool_call_id or a ToolMessage");
            case FUNCTION -> throw new MessageFormatException(where + ": a function message needs the function's name;"
                    + " give a map with name or a FunctionMessage");
            // role(...) names no free role: a chat-role message is given as a ChatRoleMessage
            case CHAT -> throw new IllegalStateException("no loose form reads as a chat-role message");
        };
    }

    private static ChatMessage.Role role(String name, String where) {
        return switch (name) {
            case "human", "user" -> ChatMessage.Role.USER;
            case "ai", "assistant" -> ChatMessage.Role.AI;
            case "system", "developer" -> ChatMessage.Role.SYSTEM;
            case "tool" -> ChatMessage.Role.TOOL;
            case "function" -> ChatMessage.Role.FUNCTION;
            default -> throw new MessageFormatException(where + ": unknown role '" + name
                    + "'; use human/user, ai/assistant, system/developer, tool or function"
                    + " (a ChatRoleMessage for any other role)");
        };
    }

    private static ChatMessage fromMap(Map<?, ?> map, String where) {
        Object role = map.containsKey("role") ? map.get("role") : map.get("type");
        if (!(role instanceof String r)) {
            throw new MessageFormatException(where + ": a message map needs a string 'role' (or 'type'), got "
                    + describe(role));
        }
        String name = text(map, "name", where);
        String id = text(map, "id", where);
        Object content = map.get("content");
        return switch (role(r, where)) {
            case SYSTEM -> new SystemMessage(joined(parts(content, where)), name, id, null, null);
            case USER -> new UserMessage(parts(content, where), name, id, null, null);
            case AI -> new AiMessage(content == null ? "" : joined(parts(content, where)), toolCalls(map.get("tool_calls"), where),
                    null, null, null, id, name, null, null, null);
            case TOOL -> {
                String callId = text(map, "tool_call_id", where);
                if (callId == null) {
                    throw new MessageFormatException(where + ": a tool message map needs 'tool_call_id'");
                }
                yield new ToolMessage(callId, joined(parts(content, where)), name, id, null, null, null, null);
            }
            case FUNCTION -> {
                if (name == null) {
                    throw new MessageFormatException(where + ": a function message map needs 'name'");
                }
                yield new FunctionMessage(name, joined(parts(content, where)), id, null, null);
            }
            case CHAT -> throw new IllegalStateException("no loose form reads as a chat-role message");
        };
    }

    private static List<ContentPart> parts(Object content, String where) {
        if (content instanceof String s) {
            return List.of(ContentPart.text(s));
        }
        if (!(content instanceof List<?> list) || list.isEmpty()) {
            throw new MessageFormatException(where + ": 'content' must be a string or a non-empty list of parts, got "
                    + describe(content));
        }
        List<ContentPart> parts = new ArrayList<>();
        for (Object part : list) {
            if (part instanceof String s) {
                parts.add(ContentPart.text(s));
            } else if (part instanceof Map<?, ?> p && "text".equals(p.get("type")) && p.get("text") instanceof String t) {
                parts.add(ContentPart.text(t));
            } else if (part instanceof Map<?, ?> p && "image_url".equals(p.get("type"))) {
                Object image = p.get("image_url");
                Object url = image instanceof Map<?, ?> m ? m.get("url") : image;
                if (!(url instanceof String u)) {
                    throw new MessageFormatException(where + ": an image_url part needs a url string");
                }
                Object detail = image instanceof Map<?, ?> m ? m.get("detail") : null;
                parts.add(new ContentPart.Image(u, detail instanceof String d ? d : null));
            } else {
                throw new MessageFormatException(where + ": content part " + describe(part)
                        + " is neither text nor image_url");
            }
        }
        return parts;
    }

    private static String joined(List<ContentPart> parts) {
        return new UserMessage(parts, null).text();
    }

    private static List<ToolCall> toolCalls(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new MessageFormatException(where + ": 'tool_calls' must be a list, got " + describe(value));
        }
        List<ToolCall> calls = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> call) || !(call.get("function") instanceof Map<?, ?> function)
                    || !(function.get("name") instanceof String name)) {
                throw new MessageFormatException(where + ": a tool call must be OpenAI-shaped, "
                        + "{id, type: function, function: {name, arguments}}; got " + describe(item));
            }
            Object arguments = function.get("arguments");
            if (arguments != null && !(arguments instanceof String)) {
                throw new MessageFormatException(where + ": tool call arguments must be JSON text here; "
                        + "read JSON objects with MessageJson instead");
            }
            Object id = call.get("id");
            calls.add(new ToolCall(id instanceof String s ? s : null, name, arguments == null ? "{}" : (String) arguments));
        }
        return calls;
    }

    private static String text(Map<?, ?> map, String field, String where) {
        Object value = map.get(field);
        if (value != null && !(value instanceof String)) {
            throw new MessageFormatException(where + ": '" + field + "' must be a string, got " + describe(value));
        }
        return (String) value;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
