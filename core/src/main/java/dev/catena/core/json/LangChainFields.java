package dev.catena.core.json;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The field names of LangChain's {@code message_to_dict} form (the OpenAI form uses those it shares
 * with it), pre-quoted: the writer copies them
 * as they are instead of escaping each name again, and the reader compares the next name with the
 * one Python writes there (a character compare, no symbol lookup) before looking it up.
 */
final class LangChainFields {

    static final SerializedString TYPE = new SerializedString("type");
    static final SerializedString DATA = new SerializedString("data");
    static final SerializedString CONTENT = new SerializedString("content");
    static final SerializedString ADDITIONAL_KWARGS = new SerializedString("additional_kwargs");
    static final SerializedString RESPONSE_METADATA = new SerializedString("response_metadata");
    static final SerializedString NAME = new SerializedString("name");
    static final SerializedString ID = new SerializedString("id");
    static final SerializedString EXAMPLE = new SerializedString("example");
    static final SerializedString TOOL_CALLS = new SerializedString("tool_calls");
    static final SerializedString INVALID_TOOL_CALLS = new SerializedString("invalid_tool_calls");
    static final SerializedString USAGE_METADATA = new SerializedString("usage_metadata");
    static final SerializedString TOOL_CALL_ID = new SerializedString("tool_call_id");
    static final SerializedString ARTIFACT = new SerializedString("artifact");
    static final SerializedString STATUS = new SerializedString("status");
    static final SerializedString ROLE = new SerializedString("role");
    static final SerializedString FINISH_REASON = new SerializedString("finish_reason");
    static final SerializedString REASONING_CONTENT = new SerializedString("reasoning_content");
    static final SerializedString INPUT_TOKENS = new SerializedString("input_tokens");
    static final SerializedString OUTPUT_TOKENS = new SerializedString("output_tokens");
    static final SerializedString TOTAL_TOKENS = new SerializedString("total_tokens");
    static final SerializedString ARGS = new SerializedString("args");
    static final SerializedString ERROR = new SerializedString("error");

    /** Values Catena writes for every message or call, pre-quoted like the names. */
    static final SerializedString TOOL_CALL = new SerializedString("tool_call");
    static final SerializedString INVALID_TOOL_CALL = new SerializedString("invalid_tool_call");

    private LangChainFields() {
    }

    /**
     * The {@code data} key Python writes after {@code key}, for a message whose {@code data.type}
     * is {@code type}; null when none follows or {@code key} is not one of its keys. Only a guess
     * to compare with first: whatever key comes is read.
     */
    static SerializedString after(String key, Object type) {
        return switch (key) {
            case "content" -> ADDITIONAL_KWARGS;
            case "additional_kwargs" -> RESPONSE_METADATA;
            case "response_metadata" -> TYPE;
            case "type" -> NAME;
            case "name" -> ID;
            case "id" -> type instanceof String t ? switch (t) {
                case "human", "ai" -> EXAMPLE;
                case "tool" -> TOOL_CALL_ID;
                case "chat" -> ROLE;
                default -> null;
            } : null;
            case "example" -> TOOL_CALLS;
            case "tool_calls" -> INVALID_TOOL_CALLS;
            case "invalid_tool_calls" -> USAGE_METADATA;
            case "tool_call_id" -> ARTIFACT;
            case "artifact" -> STATUS;
            default -> null;
        };
    }
}
