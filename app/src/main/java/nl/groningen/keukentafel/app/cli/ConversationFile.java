package nl.groningen.keukentafel.app.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Referral;

/**
 * The file {@code add-conversation} reads: {@code {"conversation": {...}, "agreements": [...],
 * "referrals": [...]}} in the wire contract's JSON. The conversation's {@code status} is
 * {@code draft} or left out (the command finalises it); {@code finalised} is taken too. What is
 * wrong with a file is told as a {@link Problem} with a bundle key, naming the field, never
 * Jackson's or Java's words.
 */
final class ConversationFile {

    private static final String DRAFT = "draft";
    private static final String FINALISED = "finalised";

    private ConversationFile() {
    }

    /** What is wrong with the file: a bundle key and its arguments after the file's name. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] details;

        Problem(String key, Object... details) {
            super(key, null, false, false);
            this.key = key;
            this.details = details;
        }

        String key() {
            return key;
        }

        /** The file's name, then the details. */
        Object[] arguments(Path file) {
            Object[] arguments = new Object[details.length + 1];
            arguments[0] = file.toString();
            System.arraycopy(details, 0, arguments, 1, details.length);
            return arguments;
        }
    }

    /** The draft in {@code file}, its status draft; {@link Problem} when it cannot be one. */
    static ConversationDraft read(Path file) throws Problem {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Problem("cli.conversationNotJson", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new Problem("cli.conversationUnreadable");
        }
        if (root == null || !root.isObject() || !root.path("conversation").isObject()) {
            throw new Problem("cli.conversationMissing");
        }
        ObjectNode conversation = (ObjectNode) root.get("conversation");
        JsonNode status = conversation.get("status");
        if (status != null && !status.isNull() && !(status.isTextual()
                && (DRAFT.equals(status.asText()) || FINALISED.equals(status.asText())))) {
            throw new Problem("cli.conversationStatus", status.isTextual() ? status.asText() : status.toString());
        }
        conversation.put("status", DRAFT);
        List<String> missing = missingLists(conversation);
        if (!missing.isEmpty()) {
            throw new Problem("cli.conversationMissingFields", String.join(", ", missing));
        }
        FileContent content;
        try {
            content = Json.mapper().treeToValue(root, FileContent.class);
        } catch (InvalidFormatException e) {
            String allowed = allowed(e.getTargetType());
            throw allowed == null ? new Problem("cli.conversationBadField", path(e))
                    : new Problem("cli.conversationBadValue", String.valueOf(e.getValue()), path(e), allowed);
        } catch (JsonProcessingException e) {
            throw new Problem("cli.conversationBadField", e instanceof JsonMappingException m ? path(m) : "conversation");
        }
        Conversation read = content.conversation();
        List<String> absent = new ArrayList<>();
        if (read.id() == null) {
            absent.add("conversation.id");
        }
        if (read.residentId() == null) {
            absent.add("conversation.resident_id");
        }
        if (!absent.isEmpty()) {
            throw new Problem("cli.conversationMissingFields", String.join(", ", absent));
        }
        return new ConversationDraft(read, orNone(content.agreements()), orNone(content.referrals()));
    }

    /** The file as written; agreements and referrals may be left out. */
    record FileContent(@JsonProperty("conversation") Conversation conversation,
                       @JsonProperty("agreements") List<Agreement> agreements,
                       @JsonProperty("referrals") List<Referral> referrals) {
    }

    /** The conversation's list fields the file leaves out (the contract needs them, if only as []). */
    private static List<String> missingLists(ObjectNode conversation) {
        List<String> missing = new ArrayList<>();
        for (var component : Conversation.class.getRecordComponents()) {
            JsonProperty name = component.getAccessor().getAnnotation(JsonProperty.class);
            if (name != null && List.class.equals(component.getType())) {
                JsonNode value = conversation.get(name.value());
                if (value == null || value.isNull()) {
                    missing.add("conversation." + name.value());
                }
            }
        }
        return missing;
    }

    private static <T> List<T> orNone(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Where in the file, as {@code conversation.place} or {@code agreements[0].owner}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "conversation" : path.toString();
    }

    /** The values a field takes, in the file's words (a fixed set, a UUID, a date), or null. */
    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(c -> Json.mapper().convertValue(c, String.class))
                    .collect(Collectors.joining(", "));
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "jjjj-mm-dd";
        }
        return null;
    }
}
