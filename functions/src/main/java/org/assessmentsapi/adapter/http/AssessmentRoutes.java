package org.assessmentsapi.adapter.http;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.assessmentsapi.application.CreateAssessment;
import org.assessmentsapi.application.GetAssessment;
import org.assessmentsapi.application.UpdateAssessment;
import org.assessmentsapi.application.UpdateOutcome;
import org.assessmentsapi.domain.Assessment;
import org.assessmentsapi.domain.AssessmentUpdate;
import org.assessmentsapi.domain.Caller;
import org.assessmentsapi.domain.NewAssessment;
import org.assessmentsapi.adapter.validation.RequestSchema;
import org.assessmentsapi.adapter.validation.RequestValidator;
import org.assessmentsapi.adapter.validation.Validated;

/** The three routes: request in, one application call, response out. Authentication is already done. */
public final class AssessmentRoutes {

    private final RequestValidator validator;
    private final UpdateAssessment updateAssessment;
    private final GetAssessment getAssessment;
    private final CreateAssessment createAssessment;

    public AssessmentRoutes(RequestValidator validator, UpdateAssessment updateAssessment, GetAssessment getAssessment,
                            CreateAssessment createAssessment) {
        this.validator = validator;
        this.updateAssessment = updateAssessment;
        this.getAssessment = getAssessment;
        this.createAssessment = createAssessment;
    }

    HttpResponse handle(Route route, HttpRequest request, Caller.User caller) {
        return switch (route) {
            case UPDATE -> update(request, caller);
            case GET -> get(request, caller);
            case CREATE -> create(request, caller);
        };
    }

    private HttpResponse update(HttpRequest request, Caller.User caller) {
        String id = Route.itemId(request);
        Validated<AssessmentUpdate> update = validator.validateUpdate(RequestBodies.readJson(request), RequestSchema.API_UPDATE);
        return switch (update) {
            case Validated.Invalid<AssessmentUpdate>(var errors) -> Problem.validation(errors).toResponse();
            case Validated.Valid<AssessmentUpdate>(var valid) -> applyUpdate(id, valid, request, caller);
        };
    }

    private HttpResponse applyUpdate(String id, AssessmentUpdate valid, HttpRequest request, Caller.User caller) {
        Optional<VersionExpectation> expectation = VersionExpectation.of(valid.expectedVersion(),
                request.header("if-match"), request.header("if-none-match"));
        // The expectation, wherever it came from, goes into the one conditional write: no read first.
        AssessmentUpdate conditional = new AssessmentUpdate(valid.changes(),
                expectation.map(e -> OptionalLong.of(e.version())).orElse(OptionalLong.empty()));
        UpdateOutcome outcome = updateAssessment.execute(id, caller, conditional);
        return switch (outcome) {
            case UpdateOutcome.Updated(Assessment updated) -> ok(200, updated, Map.of());
            // A version conflict can only follow an expected version.
            case UpdateOutcome.VersionConflict(long currentVersion) -> expectation.orElseThrow().mismatch(currentVersion).toResponse();
            // An API update carries no event id, so it is never AlreadyApplied; were it so, nothing was written for this caller.
            case UpdateOutcome.NotFound(), UpdateOutcome.AlreadyApplied _ -> notFound();
        };
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
        Validated<NewAssessment> creation = validator.validateCreate(RequestBodies.readJson(request));
        return switch (creation) {
            case Validated.Invalid<NewAssessment>(var errors) -> Problem.validation(errors).toResponse();
            case Validated.Valid<NewAssessment>(var valid) -> {
                Assessment created = createAssessment.execute(valid, caller);
                yield ok(201, created, Map.of("Location", Route.COLLECTION + "/" + created.id()));
            }
        };
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
