package care.mend.schedule;

import care.mend.platform.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** @param toDate the last day of membership (inclusive); at the earliest the day before it began */
public record EndMembershipRequest(@NotNull LocalDate toDate,
                                   @Size(max = Membership.REASON_MAX) @PlainText String reason) {
}
