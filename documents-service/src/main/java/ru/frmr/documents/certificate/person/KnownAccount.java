package ru.frmr.documents.certificate.person;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A login account as auth-service and the registry told of it. The account's e-mail address may arrive before the
 * registry names the account's worker (two topics, no order between them): until then it waits here sealed under
 * the account's own key ({@link PersonFacts#ACCOUNT_SUBJECT}), which is shredded once it moves to the worker.
 */
@Document("certificate_accounts")
record KnownAccount(@Id String accountId, String workerId, String pendingEmail) {
}
