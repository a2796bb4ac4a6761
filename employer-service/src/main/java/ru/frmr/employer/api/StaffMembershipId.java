package ru.frmr.employer.api;

/**
 * The id of the aggregate that holds one worker's link to one organisation and their employments there. Both
 * parts are ids without ':' (organisation ids are {@code [A-Za-z0-9_-]}, worker ids registry numbers), so the
 * pair is unambiguous.
 */
public final class StaffMembershipId {

    private StaffMembershipId() {
    }

    public static String of(String organizationId, String workerId) {
        return organizationId + ":" + workerId;
    }
}
