package org.assessmentsapi.adapter.http;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.assessmentsapi.application.CreateAssessment;
import org.assessmentsapi.application.CreateOutcome;
import org.assessmentsapi.application.DeleteAssessment;
import org.assessmentsapi.application.DeleteOutcome;
import org.assessmentsapi.application.GetAssessment;
import org.assessmentsapi.application.IdempotentCreations;
import org.assessmentsapi.application.ListAssessments;
import org.assessmentsapi.application.ListOutcome;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.IdempotencyKey;
import org.assessmentsapi.domain.NewAssessment;
import org.assessmentsapi.adapter.validation.IdempotencyKeys;
import org.assessmentsapi.adapter.validation.ListRequest;
import org.assessmentsapi.adapter.validation.RequestSchema;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.adapter.validation.Validated;

/** The five routes: request in, one application call, response out. Authentication is already done. */
public final class AssessmentRoutes {

    private final RequestValidator validator;
    private final UpdateAssessment updateAssessment;
    private final GetAssessment getAssessment;
    private final CreateAssessment createAssessment;
    private final ListAssessments listAssessments;
    private final DeleteAssessment deleteAssessment;

    public AssessmentRoutes(RequestValidator validator, UpdateAssessment updateAssessment, GetAssessment getAssessment,
                            CreateAssessment createAssessment, ListAssessments listAssessments,
                            DeleteAssessment deleteAssessment) {
        this.validator = validator;
        this.updateAssessment = updateAssessment;
        this.getAssessment = getAssessment;
        this.createAssessment = createAssessment;
        this.listAssessments = listAssessments;
        this.deleteAssessment = deleteAssessment;
    }

    HttpResponse handle(Route route, HttpRequest request, Caller.User caller) {
        return switch (route) {
            case UPDATE -> update(request, caller);
            case GET -> get(request, caller);
            case CREATE -> create(request, caller);
            case LIST -> list(request, caller);
            case DELETE -> delete(request, caller);
        };
    }

    private HttpResponse update(HttpRequest request, Caller.User caller) {
        String id = Route.itemId(request);
        Validated<AssessmentUpdate> update = validator.validateUpdate(RequestBodies.readJson(request), RequestSchema.API_UPDATE);
        if (update instanceof Validated.Invalid<AssessmentUpdate> invalid) {
            return Problem.validation(invalid.errors()).toResponse();
        }
        AssessmentUpdate valid = ((Validated.Valid<AssessmentUpdate>) update).value();
        Optional<VersionExpectation> expectation = VersionExpectation.of(valid.expectedVersion(),
                request.header("if-match"), request.header("if-none-match"));
        // The expectation, wherever it came from, goes into the one conditional write: no read first.
        AssessmentUpdate conditional = new AssessmentUpdate(valid.changes(), expected(expectation));
        UpdateOutcome outcome = updateAssessment.execute(id, caller, conditional);
        if (outcome instanceof UpdateOutcome.Updated updated) {
            return ok(200, updated.assessment(), Map.of());
        }
        if (outcome instanceof UpdateOutcome.VersionConflict conflict) {
            // A version conflict can only follow an expected version.
            return expectation.orElseThrow().mismatch(conflict.currentVersion()).toResponse();
        }
        return notFound();
    }

    private HttpResponse get(HttpRequest request, Caller.User caller) {
        String id = Route.itemId(request);
        String ifNoneMatch = request.header("if-none-match");
        EntityTags.Condition unlessMatching = ifNoneMatch == null ? null : EntityTags.parse("If-None-Match", ifNoneMatch);
        return getAssessment.execute(id, caller)
                .map(assessment -> unlessMatching != null && EntityTags.matchesWeakly(unlessMatching, assessment.version())
                        ? HttpResponse.notModified(EntityTags.of(assessment.version()))
                        : ok(200, assessment, Map.of()))
                .orElseGet(AssessmentRoutes::notFound);
    }

    private HttpResponse create(HttpRequest request, Caller.User caller) {
        String keyHeader = request.header("idempotency-key");
        Optional<IdempotencyKey> key = keyHeader == null ? Optional.empty() : Optional.of(IdempotencyKeys.parse(keyHeader)
                .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.INVALID_IDEMPOTENCY_KEY,
                        "Idempotency-Key must be a quoted string of 1 to " + IdempotencyKeys.MAX_LENGTH + " visible ASCII"
                                + " characters other than \", \\ and comma, such as \"8e03978e-40d5-43e8-bc93-6894a57f9324\"."))));
        Validated<NewAssessment> creation = validator.validateCreate(RequestBodies.readJson(request));
        if (creation instanceof Validated.Invalid<NewAssessment> invalid) {
            return Problem.validation(invalid.errors()).toResponse();
        }
        NewAssessment valid = ((Validated.Valid<NewAssessment>) creation).value();
        if (key.isEmpty()) {
            return created(createAssessment.execute(valid, caller));
        }
        CreateOutcome outcome = createAssessment.execute(valid, caller, key.get());
        if (outcome instanceof CreateOutcome.Created first) {
            return created(first.assessment());
        }
        if (outcome instanceof CreateOutcome.Replayed replay) {
            return created(replay.assessment());
        }
        return Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                ((CreateOutcome.KeyReused) outcome).reason() == CreateOutcome.Reason.EXPIRED
                        ? "This Idempotency-Key was first used more than " + IdempotentCreations.WINDOW.toHours()
                                + " hours ago; send the request with a new key."
                        : "This Idempotency-Key was used with another request body; send a new key for a new request.")
                .toResponse();
    }

    private HttpResponse list(HttpRequest request, Caller.User caller) {
        Validated<ListRequest> parameters = validator.validateListQuery(request.rawQueryString());
        if (parameters instanceof Validated.Invalid<ListRequest> invalid) {
            return Problem.invalidQuery(invalid.errors()).toResponse();
        }
        ListRequest valid = ((Validated.Valid<ListRequest>) parameters).value();
        ListOutcome outcome = listAssessments.execute(caller, valid.query(), valid.cursor());
        if (outcome instanceof ListOutcome.Page page) {
            return HttpResponse.json(200, "application/json", JsonWriter.page(page.items(), page.nextCursor()), Map.of());
        }
        return Problem.of(ProblemType.INVALID_CURSOR, "The cursor was not issued for you and this query (same status"
                + " filter and limit), or it was altered. Start again from the first page, without cursor.").toResponse();
    }

    private HttpResponse delete(HttpRequest request, Caller.User caller) {
        String id = Route.itemId(request);
        Optional<VersionExpectation> expectation = VersionExpectation.forDelete(request.header("if-match"),
                request.header("if-none-match"));
        DeleteOutcome outcome = deleteAssessment.execute(id, caller, expected(expectation));
        if (outcome instanceof DeleteOutcome.Deleted) {
            return HttpResponse.noContent();
        }
        if (outcome instanceof DeleteOutcome.VersionMismatch mismatch) {
            return expectation.orElseThrow().mismatch(mismatch.currentVersion()).toResponse();
        }
        return notFound();
    }

    private static OptionalLong expected(Optional<VersionExpectation> expectation) {
        return expectation.map(e -> OptionalLong.of(e.version())).orElse(OptionalLong.empty());
    }

    private static HttpResponse created(Assessment assessment) {
        return ok(201, assessment, Map.of("Location", Route.COLLECTION + "/" + assessment.id()));
    }

    private static HttpResponse ok(int status, Assessment assessment, Map<String, String> headers) {
        var all = new java.util.HashMap<>(headers);
        all.put("ETag", EntityTags.of(assessment.version()));
        return HttpResponse.json(status, "application/json", JsonWriter.assessment(assessment), all);
    }

    private static HttpResponse notFound() {
        return Problem.of(ProblemType.NOT_FOUND, "No assessment with this id exists for you.").toResponse();
    }
}
