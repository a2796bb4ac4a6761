package ru.frmr.registry.web;

/**
 * The person an HR officer's lookup found: their registry number, to send a link request to, and their name, so
 * the officer sees it is the person they meant. Nothing else of the record; no СНИЛС.
 *
 * @param fullName ФИО: surname, first name, patronymic (when there is one)
 */
public record WorkerMatchResponse(String workerId, String fullName) {

    @Override
    public String toString() {
        return "WorkerMatchResponse[workerId=" + workerId + "]";
    }
}
