package org.assessmentsapi.adapter.http;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.assessmentsapi.adapter.validation.IdempotencyKeys;
import org.assessmentsapi.adapter.validation.ListRequest;
import org.assessmentsapi.adapter.validation.RequestSchema;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.adapter.validation.Validated;
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

/**
 * The routes: request in, one application call, response out. Authentication is already done; a HEAD route runs
 * its GET route (the handler drops the body).
 */
public final class AssessmentRoutes {

    private final RequestValidator validator;
    private final UpdateAssessment updateAssessment;
    private final GetAssessment getAssessment;
    private final CreateAssessment createAssessment;
    private final ListAssessments listAssessments;
    private final DeleteAssessment deleteAssessment;

    public AssessmentRoutes(
            RequestValidator validator,
            UpdateAssessment updateAssessment,
            GetAssessment getAssessment,
            CreateAssessment createAssessment,
            ListAssessments listAssessments,
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
            case GET, GET_HEAD -> get(request, caller);
            case CREATE -> create(request, caller);
            case LIST, LIST_HEAD -> list(request, caller);
            case DELETE -> delete(request, caller);
        };
    }

    private HttpResponse update(HttpRequest request, Caller.User caller) {
        String id = Route.itemId(request);
        Validated<AssessmentUpdate> update =
                validator.validateUpdate(RequestBodies.readJson(request), RequestSchema.API_UPDATE);
        return switch (update) {
            case Validated.Invalid<AssessmentUpdate>(var errors) ->
                Problem.validation(errors).toResponse();
            case Validated.Valid<AssessmentUpdate>(var valid) -> applyUpdate(id, valid, request, caller);
        };
    }

    private HttpResponse applyUpdate(String id, AssessmentUpdate valid, HttpRequest request, Caller.User caller) {
        Optional<VersionExpectation> expectation = VersionExpectation.of(
                valid.expectedVersion(), request.header("if-match"), request.header("if-none-match"));
        // The expectation, wherever it came from, goes into the one conditional write: no read first.
        AssessmentUpdate conditional = new AssessmentUpdate(valid.changes(), expected(expectation));
        UpdateOutcome outcome = updateAssessment.execute(id, caller, conditional);
        return switch (outcome) {
            case UpdateOutcome.Updated(Assessment updated) -> ok(200, updated, Map.of());
            // A version conflict can only follow an expected version.
            case UpdateOutcome.VersionConflict(long currentVersion) ->
                expectation.orElseThrow().mismatch(currentVersion).toResponse();
            // An API update carries no event id, so it is never AlreadyApplied; were it so, nothing was written for
            // this caller.
            case UpdateOutcome.NotFound(), UpdateOutcome.AlreadyApplied _ -> notFound();
        };
    }

    private HttpResponse get(HttpRequest request, Caller.User caller) {
        String id = Route.itemId(request);
        String ifNoneMatch = request.header("if-none-match");
        EntityTags.Condition unlessMatching =
                ifNoneMatch == null ? null : EntityTags.parse("If-None-Match", ifNoneMatch);
        return getAssessment
                .execute(id, caller)
                .map(assessment ->
                        unlessMatching != null && EntityTags.matchesWeakly(unlessMatching, assessment.version())
                                ? HttpResponse.notModified(EntityTags.of(assessment.version()))
                                : ok(200, assessment, Map.of()))
                .orElseGet(AssessmentRoutes::notFound);
    }

    private HttpResponse create(HttpRequest request, Caller.User caller) {
        String keyHeader = request.header("idempotency-key");
        Optional<IdempotencyKey> key = keyHeader == null
                ? Optional.empty()
                : Optional.of(
                        IdempotencyKeys.parse(keyHeader)
                                .orElseThrow(
                                        () -> new ProblemException(
                                                Problem.of(
                                                        ProblemType.INVALID_IDEMPOTENCY_KEY,
                                                        "Idempotency-Key must be a quoted string of 1 to "
                                                                + IdempotencyKeys.MAX_LENGTH + " visible ASCII"
                                                                + " characters other than \", \\ and comma, such as \"8e03978e-40d5-43e8-bc93-6894a57f9324\"."))));
        Validated<NewAssessment> creation = validator.validateCreate(RequestBodies.readJson(request));
        return switch (creation) {
            case Validated.Invalid<NewAssessment>(var errors) ->
                Problem.validation(errors).toResponse();
            case Validated.Valid<NewAssessment>(var valid) ->
                key.isEmpty()
                        ? created(createAssessment.execute(valid, caller))
                        : created(createAssessment.execute(valid, caller, key.get()));
        };
    }

    private static HttpResponse created(CreateOutcome outcome) {
        return switch (outcome) {
            case CreateOutcome.Created(var first) -> created(first);
            case CreateOutcome.Replayed(var replay) -> created(replay);
            case CreateOutcome.KeyReused(var reason) ->
                Problem.of(
                                ProblemType.IDEMPOTENCY_KEY_REUSED,
                                reason == CreateOutcome.Reason.EXPIRED
                                        ? "This Idempotency-Key was first used more than "
                                                + IdempotentCreations.WINDOW.toHours()
                                                + " hours ago; send the request with a new key."
                                        : "This Idempotency-Key was used with another request body; send a new key for a new request.")
                        .toResponse();
        };
    }

    private HttpResponse list(HttpRequest request, Caller.User caller) {
        return switch (validator.validateListQuery(request.rawQueryString())) {
            case Validated.Invalid<ListRequest>(var errors) ->
                Problem.invalidQuery(errors).toResponse();
            case Validated.Valid<ListRequest>(var valid) ->
                switch (listAssessments.execute(caller, valid.query(), valid.cursor())) {
                    case ListOutcome.Page page ->
                        HttpResponse.json(
                                200, "application/json", JsonWriter.page(page.items(), page.nextCursor()), Map.of());
                    case ListOutcome.InvalidCursor() ->
                        Problem.of(
                                        ProblemType.INVALID_CURSOR,
                                        "The cursor was not issued for you"
                                                + " and this query (same status filter and limit), or it was altered. Start again from the first"
                                                + " page, without cursor.")
                                .toResponse();
                };
        };
    }

    private HttpResponse delete(HttpRequest request, Caller.User caller) {
        String id = Route.itemId(request);
        Optional<VersionExpectation> expectation =
                VersionExpectation.forDelete(request.header("if-match"), request.header("if-none-match"));
        return switch (deleteAssessment.execute(id, caller, expected(expectation))) {
            case DeleteOutcome.Deleted() -> HttpResponse.noContent();
            case DeleteOutcome.VersionMismatch(long currentVersion) ->
                expectation.orElseThrow().mismatch(currentVersion).toResponse();
            case DeleteOutcome.NotFound() -> notFound();
        };
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
        return Problem.of(ProblemType.NOT_FOUND, "No assessment with this id exists for you.")
                .toResponse();
    }
}
