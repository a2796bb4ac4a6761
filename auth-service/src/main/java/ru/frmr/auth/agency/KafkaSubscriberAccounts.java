package ru.frmr.auth.agency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.Topics;

/**
 * An agency's SCRAM user and ACLs, written with the Kafka {@link Admin} client on the platform's own listener,
 * where auth-service is the broker's super user.
 */
@Component
class KafkaSubscriberAccounts implements SubscriberAccounts, DisposableBean {

    /** What a subscriber may read: the public contracts and the audit ledger's signed checkpoints. */
    static final List<String> TOPICS = List.of(Topics.PUBLIC_EVENTS, Topics.AUDIT_CHECKPOINTS);

    private static final Logger log = LoggerFactory.getLogger(KafkaSubscriberAccounts.class);

    private final Admin admin;
    private final int iterations;
    private final long timeoutMillis;

    KafkaSubscriberAccounts(KafkaProperties kafka, AgencyProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties(null));
        long timeout = properties.kafka().adminTimeout().toMillis();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, Integer.MAX_VALUE));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "auth-service-agencies");
        this.admin = Admin.create(config);
        this.iterations = properties.kafka().scramIterations();
        this.timeoutMillis = timeout;
    }

    @Override
    public void grant(String username, KafkaPassword password) {
        ScramCredentialInfo info = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, iterations);
        await(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(username, info,
                password.value()))).all(), "set the credential of " + username);
        await(admin.createAcls(acls(username)).all(), "grant the ACLs of " + username);
        log.info("Kafka subscriber {} has new credentials and its ACLs", username);
    }

    @Override
    public void remove(String username) {
        try {
            await(admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(username,
                    ScramMechanism.SCRAM_SHA_512))).all(), "delete the credential of " + username);
        } catch (AbsentUser alreadyGone) {
            log.info("Kafka subscriber {} had no credential any more", username);
        }
        AclBindingFilter everyAclOfTheUser = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(principal(username), null, AclOperation.ANY, AclPermissionType.ANY));
        await(admin.deleteAcls(List.of(everyAclOfTheUser)).all(), "delete the ACLs of " + username);
        log.info("Kafka subscriber {} removed with its ACLs", username);
    }

    static List<AclBinding> acls(String username) {
        String principal = principal(username);
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : TOPICS) {
            ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            acls.add(allow(pattern, principal, AclOperation.READ));
            acls.add(allow(pattern, principal, AclOperation.DESCRIBE));
        }
        acls.add(allow(new ResourcePattern(ResourceType.GROUP, AgencyIds.groupPrefix(username), PatternType.PREFIXED),
                principal, AclOperation.READ));
        return acls;
    }

    private static AclBinding allow(ResourcePattern pattern, String principal, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static String principal(String username) {
        return "User:" + username;
    }

    private <T> void await(KafkaFuture<T> future, String what) {
        try {
            future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while waiting for the Kafka broker; try again.");
        } catch (TimeoutException e) {
            log.warn("Kafka broker did not answer in time to {}", what);
            throw new BrokerUnavailableException("The Kafka broker did not answer in time; nothing was changed, "
                    + "try again.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                throw new AbsentUser();
            }
            // The cause's message names the broker's reason, never the password (which only travels salted).
            log.warn("Kafka broker refused to {}: {}", what, e.getCause().toString());
            throw new BrokerUnavailableException("The Kafka broker did not confirm the change; nothing was "
                    + "recorded, try again.");
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(5));
    }

    /** Deleting the credential of a user that has none: a repeated removal. */
    private static final class AbsentUser extends RuntimeException {
        AbsentUser() {
            super(null, null, false, false);
        }
    }
}
