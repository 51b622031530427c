package org.lantir.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lantir.api.ApiAccess.Caller;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItemValidator;
import org.lantir.worklist.WorklistItemValidator.Field;
import org.lantir.worklist.WorklistItemValidator.Problem;
import org.lantir.worklist.WorklistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /worklist}: the rows, read and changed through the {@link WorklistService} like the
 * desktop's, so a scanner's next C-FIND and the window see a change at once, and the event log
 * names the user who made it.
 *
 * <p>What may change follows the desktop's row editor: a row made by hand is edited whole
 * (its status stays, since MPPS owns it, PS3.4 F.7); a row from a data source is read-only,
 * since the source's next sync would overwrite the edit; a SCHEDULED row of either kind may be
 * cancelled (it becomes DISCONTINUED and leaves the default list). {@code DELETE} is that
 * cancel, as in the desktop: a row a scanner may have seen is never removed.
 *
 * <p>Each change's INFO line (user, action, row id) is the worklist service's.
 */
final class WorklistEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(WorklistEndpoints.class);

    /** The Python tool's paging: 100 rows unless asked, at most 1000. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Set<ProcedureStepStatus> DEFAULT_STATUSES =
            EnumSet.of(ProcedureStepStatus.SCHEDULED, ProcedureStepStatus.IN_PROGRESS);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final WorklistService worklist;
    private final Authorizer auth;
    private final JsonBodies bodies;

    WorklistEndpoints(WorklistService worklist, Authorizer auth, JsonBodies bodies) {
        this.worklist = worklist;
        this.auth = auth;
        this.bodies = bodies;
    }

    // ---- GET /worklist ----

    void list(Context ctx) {
        Caller caller = auth.mayReadWorklist(ctx);
        WorklistFilter filter = new WorklistFilter(date(ctx, "date_from"), date(ctx, "date_to"),
                exact(ctx, "station"), upper(exact(ctx, "modality")), exact(ctx, "patient_id"),
                statuses(ctx), 0);
        if (filter.dateFrom() != null && filter.dateTo() != null
                && filter.dateFrom().isAfter(filter.dateTo())) {
            throw ApiProblem.badField("date_to", "before date_from");
        }
        int limit = integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);

        List<WorklistItem> rows = worklist.list(filter);
        List<WorklistItem> page = rows.subList(Math.min(offset, rows.size()),
                Math.min(rows.size(), (int) Math.min((long) offset + limit, rows.size())));
        ArrayNode answer = JsonNodeFactory.instance.arrayNode();
        page.forEach(row -> answer.add(WorklistJson.toJson(row)));
        ctx.header("X-Total-Count", String.valueOf(rows.size()));
        LOG.info("API: {} listed {} of {} worklist row(s) (offset {}, limit {})",
                caller.username(), page.size(), rows.size(), offset, limit);
        LOG.debug("API: {} listed with filter {}", caller.username(), filter);
        JsonBodies.answer(ctx, 200, answer);
    }

    private static LocalDate date(Context ctx, String name) {
        String value = exact(ctx, name);
        if (value == null) {
            return null;
        }
        DateTimeFormatter form = value.length() == 10 ? ISO : value.length() == 8 ? BASIC
                : null;
        try {
            if (form != null) {
                return LocalDate.parse(value, form);
            }
        } catch (DateTimeException e) {
            // falls through to the refusal
        }
        throw ApiProblem.badField(name, "write the date as YYYY-MM-DD or YYYYMMDD");
    }

    /** A query parameter given once, stripped; null when absent or empty. */
    private static String exact(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiProblem.badField(name, "give it once");
        }
        String value = values.isEmpty() ? null : values.get(0).strip();
        return value == null || value.isEmpty() ? null : value;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** The repeatable {@code status}; scheduled and in progress when none is given. */
    private static Set<ProcedureStepStatus> statuses(Context ctx) {
        List<String> words = ctx.queryParams("status");
        if (words.isEmpty()) {
            return DEFAULT_STATUSES;
        }
        Set<ProcedureStepStatus> statuses = EnumSet.noneOf(ProcedureStepStatus.class);
        for (String word : words) {
            statuses.add(ProcedureStepStatus.fromStoredWord(word).orElseThrow(() ->
                    ApiProblem.badField("status",
                            "one of SCHEDULED, IN_PROGRESS, COMPLETED, DISCONTINUED")));
        }
        return statuses;
    }

    private static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = exact(ctx, name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        if (value.strip().matches("\\+?\\d+") && max == Integer.MAX_VALUE) {
            // A whole number, just too large to be a row count (or any Java int).
            throw ApiProblem.badField(name, name + " " + value.strip() + " is too large; at most "
                    + max);
        }
        throw ApiProblem.badField(name, max == Integer.MAX_VALUE
                ? "a whole number of at least " + min
                : "a whole number from " + min + " to " + max);
    }

    // ---- POST /worklist ----

    void create(Context ctx) {
        Caller caller = auth.mayWriteWorklist(ctx);
        Map<String, Optional<String>> fields = WorklistJson.fields(bodies.object(ctx));
        Optional<String> status = fields.getOrDefault(WorklistJson.STATUS, Optional.empty());
        if (status.isPresent()
                && WorklistJson.status(status.get()) != ProcedureStepStatus.SCHEDULED) {
            throw ApiProblem.badField(WorklistJson.STATUS, "a new row is SCHEDULED; the "
                    + "modality sets the other statuses through MPPS (PS3.4 F.7)");
        }
        WorklistItem checked = check(WorklistJson.typedInput(Map.of(), fields), null);
        WorklistItem item = checked.toBuilder()
                .studyInstanceUid(WorklistJson.studyInstanceUid(
                        value(fields, WorklistJson.STUDY_INSTANCE_UID)))
                .protocolCode(WorklistJson.protocolCode(
                        value(fields, WorklistJson.PROTOCOL_NAME)))
                .status(ProcedureStepStatus.SCHEDULED).build();

        WorklistItem stored = store(() -> worklist.add(item, caller.username()));
        ctx.header("Location", "/worklist/" + stored.id());
        JsonBodies.answer(ctx, 200, WorklistJson.toJson(stored));
    }

    private static String value(Map<String, Optional<String>> fields, String name) {
        return fields.getOrDefault(name, Optional.empty()).orElse(null);
    }

    // ---- PUT /worklist/{id} ----

    /**
     * A partial update: fields given replace the stored values (null clears one), the others
     * stay. Only a status change from SCHEDULED to DISCONTINUED (a cancel) is taken; the other
     * statuses are the modality's to set.
     */
    void update(Context ctx) {
        Caller caller = auth.mayWriteWorklist(ctx);
        long id = id(ctx);
        Map<String, Optional<String>> fields = WorklistJson.fields(bodies.object(ctx));
        WorklistItem stored = worklist.get(id).orElseThrow(() -> noRow(id));

        ProcedureStepStatus wanted = fields.containsKey(WorklistJson.STATUS)
                ? WorklistJson.status(fields.get(WorklistJson.STATUS).orElseThrow(() ->
                        ApiProblem.badField(WorklistJson.STATUS, "required")))
                : stored.status();
        boolean onlyStatus = fields.keySet().stream().allMatch(WorklistJson.STATUS::equals);
        // A cancel alone does not re-check values a data source wrote, which may predate
        // the editor's rules.
        WorklistItem edited = onlyStatus ? stored : edited(stored, fields);
        boolean contentChanges = !edited.toBuilder().sameContent(stored.toBuilder());
        checkStatusChange(stored, wanted);
        if (contentChanges && stored.dataSource() != null) {
            throw ApiProblem.conflict("worklist row " + id + " comes from data source "
                    + stored.dataSource() + ": change it there, since its next sync would "
                    + "overwrite an edit made here; only a SCHEDULED row may be cancelled "
                    + "here (performed_procedure_step_status DISCONTINUED, or DELETE)", null);
        }

        WorklistItem result = stored;
        if (contentChanges) {
            result = store(() -> worklist.edit(edited, caller.username()));
        }
        if (wanted != stored.status()) {
            result = store(() -> worklist.cancel(id, caller.username()));
        }
        JsonBodies.answer(ctx, 200, WorklistJson.toJson(result));
    }

    /** The stored row with the given fields laid over it, checked as the editor checks. */
    private WorklistItem edited(WorklistItem stored, Map<String, Optional<String>> fields) {
        String uid = value(fields, WorklistJson.STUDY_INSTANCE_UID);
        if (fields.containsKey(WorklistJson.STUDY_INSTANCE_UID)
                && !Objects.equals(uid == null ? null : uid.strip(),
                        stored.studyInstanceUid())) {
            throw ApiProblem.badField(WorklistJson.STUDY_INSTANCE_UID, "cannot be changed: "
                    + "a scanner may already hold it");
        }
        Map<Field, String> input = WorklistJson.typedInput(WorklistItemValidator.values(stored),
                fields);
        WorklistItem checked = check(input, stored);
        if (fields.containsKey(WorklistJson.PROTOCOL_NAME)) {
            checked = checked.toBuilder().protocolCode(WorklistJson.protocolCode(
                    value(fields, WorklistJson.PROTOCOL_NAME))).build();
        }
        return checked;
    }

    private static void checkStatusChange(WorklistItem stored, ProcedureStepStatus wanted) {
        if (wanted == stored.status()) {
            return;
        }
        if (stored.status() == ProcedureStepStatus.SCHEDULED
                && wanted == ProcedureStepStatus.DISCONTINUED) {
            return;
        }
        throw ApiProblem.conflict("worklist row " + stored.id() + " is " + stored.status()
                + "; only a SCHEDULED step can be cancelled (DISCONTINUED) here: the modality "
                + "sets the other statuses through MPPS (PS3.4 F.7)", WorklistJson.STATUS);
    }

    // ---- DELETE /worklist/{id} ----

    /** Cancels a SCHEDULED row, as the desktop's Cancel does; nothing is removed. */
    void cancel(Context ctx) {
        Caller caller = auth.mayWriteWorklist(ctx);
        long id = id(ctx);
        WorklistItem stored = worklist.get(id).orElseThrow(() -> noRow(id));
        if (stored.status() != ProcedureStepStatus.SCHEDULED) {
            throw ApiProblem.conflict("worklist row " + id + " is " + stored.status()
                    + "; only a SCHEDULED step can be cancelled", null);
        }
        WorklistItem cancelled = store(() -> worklist.cancel(id, caller.username()));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("message", "Worklist item " + id + " cancelled: it is DISCONTINUED and "
                + "no longer offered to the scanners");
        answer.set("item", WorklistJson.toJson(cancelled));
        JsonBodies.answer(ctx, 200, answer);
    }

    // ---- helpers ----

    private static WorklistItem check(Map<Field, String> input, WorklistItem base) {
        WorklistItemValidator.Result result = WorklistItemValidator.check(input, base);
        if (!result.isValid()) {
            Problem first = result.problems().get(0);
            String name = WorklistJson.jsonName(first.field());
            String more = result.problems().size() > 1 ? " (and " + (result.problems().size()
                    - 1) + " more: " + String.join(", ", result.problems().stream().skip(1)
                    .map(p -> WorklistJson.jsonName(p.field())).toList()) + ")" : "";
            throw ApiProblem.badField(name, name + ": " + first.message() + more);
        }
        return result.item();
    }

    static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ApiProblem.badField("id", "a worklist row id, a whole number above 0");
    }

    private static ApiProblem noRow(long id) {
        return ApiProblem.notFound("Worklist item " + id + " not found");
    }

    /**
     * Runs a service call; its refusals (a row gone or started meanwhile, an over-long
     * comment) become 404 and 409 answers in the service's words, which carry no patient data.
     */
    private static WorklistItem store(Supplier<WorklistItem> call) {
        try {
            return call.get();
        } catch (IllegalStateException e) {
            throw ApiProblem.conflict(e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No worklist row")) {
                throw ApiProblem.notFound(e.getMessage());
            }
            throw ApiProblem.badRequest(e.getMessage());
        }
    }
}
