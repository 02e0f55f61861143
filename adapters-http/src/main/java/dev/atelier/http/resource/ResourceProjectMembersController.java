package dev.atelier.http.resource;

import static dev.atelier.http.resource.ResourceInput.number;
import static dev.atelier.http.resource.ResourceInput.object;
import static dev.atelier.http.resource.ResourceInput.string;

import dev.atelier.application.collaboration.AddMember;
import dev.atelier.application.collaboration.ListMembers;
import dev.atelier.application.collaboration.RemoveMember;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.resource.ResourceBodies.MemberAnswer;
import dev.atelier.http.resource.ResourceBodies.MemberPage;
import dev.atelier.http.resource.ResourceBodies.MemberView;
import dev.atelier.http.resource.ResourceBodies.NewMember;
import dev.atelier.http.resource.ResourceBodies.Ok;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A project's members in the resource dialect: list them (paged), add one by e-mail, remove one. */
@Tag(name = ApiDefinition.RESOURCE)
@Controller("/api/projects")
final class ResourceProjectMembersController {
    private final ListMembers listMembers;
    private final AddMember addMember;
    private final RemoveMember removeMember;

    ResourceProjectMembersController(ListMembers listMembers, AddMember addMember, RemoveMember removeMember) {
        this.listMembers = listMembers;
        this.addMember = addMember;
        this.removeMember = removeMember;
    }

    @Get("/{id}/members")
    MemberPage members(
            @Caller User caller,
            @PathVariable("id") String id,
            @Nullable @QueryValue("limit") String limit,
            @Nullable @QueryValue("offset") String offset) {
        int l = (int) number("limit", limit, ListMembers.DEFAULT_LIMIT, 1, ListMembers.MAX_LIMIT);
        long o = number("offset", offset, 0, 0, 100_000_000L);
        Page<MemberProfile> page = listMembers.execute(new ListMembers.Command(caller, id, l, o));
        return new MemberPage(
                page.items().stream().map(m -> MemberView.of(m, true)).toList(),
                page.total(),
                page.limit(),
                page.offset());
    }

    @Post("/{id}/members")
    HttpResponse<MemberAnswer> addMember(
            @Caller User caller, @PathVariable("id") String id, @Nullable @Body NewMember body) {
        NewMember b = object(body, "email");
        String email = string("email", b.email());
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("email is required");
        }
        MemberProfile added = addMember.execute(AddMember.Command.of(caller, id, email, string("role", b.role())));
        return HttpResponse.status(HttpStatus.CREATED).body(new MemberAnswer(MemberView.of(added, false)));
    }

    @Delete("/{id}/members/{userId}")
    Ok removeMember(@Caller User caller, @PathVariable("id") String id, @PathVariable("userId") String userId) {
        removeMember.execute(new RemoveMember.Command(caller, id, userId));
        return Ok.YES;
    }
}
