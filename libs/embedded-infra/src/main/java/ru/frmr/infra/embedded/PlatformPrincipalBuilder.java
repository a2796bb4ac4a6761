package ru.frmr.infra.embedded;

import org.apache.kafka.common.security.auth.AuthenticationContext;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.KafkaPrincipalBuilder;
import org.apache.kafka.common.security.auth.KafkaPrincipalSerde;
import org.apache.kafka.common.security.auth.SaslAuthenticationContext;
import org.apache.kafka.common.security.authenticator.DefaultKafkaPrincipalBuilder;

/**
 * The broker's principals by listener: whoever connects to the platform's own loopback listeners (the services'
 * plaintext listener and the KRaft controller's, neither of which takes SCRAM) is the platform,
 * {@code User:frmr-platform}, a super user; whoever authenticates with SCRAM on the subscriber listener is that
 * SCRAM user, limited by ACLs. Any other connection is {@code User:ANONYMOUS}, which no ACL names.
 *
 * <p>Why listener names and not addresses: the platform's listeners are bound to loopback, so whoever reaches them
 * already runs on this machine (in a deployment, the internal listener sits behind the network policy); the
 * subscriber listener is the only door offered to the outside.
 */
public final class PlatformPrincipalBuilder implements KafkaPrincipalBuilder, KafkaPrincipalSerde {

    /** The services' principal, a super user of the broker. */
    public static final String PLATFORM_USER = "frmr-platform";

    // SCRAM needs neither a Kerberos short namer nor an SSL principal mapper; the default builder also carries the
    // serde KRaft uses to forward requests with their principal.
    private final DefaultKafkaPrincipalBuilder delegate = new DefaultKafkaPrincipalBuilder(null, null);

    @Override
    public KafkaPrincipal build(AuthenticationContext context) {
        if (context instanceof SaslAuthenticationContext) {
            return delegate.build(context);
        }
        String listener = context.listenerName();
        if (EmbeddedKafkaBroker.PLATFORM_LISTENER.equals(listener)
                || EmbeddedKafkaBroker.CONTROLLER_LISTENER.equals(listener)) {
            return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, PLATFORM_USER);
        }
        return KafkaPrincipal.ANONYMOUS;
    }

    @Override
    public byte[] serialize(KafkaPrincipal principal) {
        return delegate.serialize(principal);
    }

    @Override
    public KafkaPrincipal deserialize(byte[] bytes) {
        return delegate.deserialize(bytes);
    }
}
