package ru.frmr.auth.agency;

/**
 * The broker's side of an agency: its SCRAM user and ACLs. Every operation is idempotent, so a call repeated
 * after a failure (of the broker or of the event store) converges: a grant upserts the credential and creates ACLs
 * that may already exist, a removal tolerates an absent user.
 */
public interface SubscriberAccounts {

    /**
     * Sets the user's SCRAM-SHA-512 password (creating the user) and grants it READ and DESCRIBE on the topics
     * subscribers may read and READ on its prefixed consumer groups.
     *
     * @throws BrokerUnavailableException when the broker did not confirm it
     */
    void grant(String username, KafkaPassword password);

    /**
     * Deletes the user's SCRAM credential (new connections fail authentication) and every ACL naming it.
     *
     * @throws BrokerUnavailableException when the broker did not confirm it
     */
    void remove(String username);
}
