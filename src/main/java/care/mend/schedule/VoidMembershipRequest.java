package care.mend.schedule;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/memberships/{id}/void}: why the membership was entered in error. */
public record VoidMembershipRequest(@NotBlank @Size(max = Membership.REASON_MAX) @PlainText String reason) {
}
