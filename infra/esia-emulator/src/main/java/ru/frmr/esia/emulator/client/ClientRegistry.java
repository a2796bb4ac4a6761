package ru.frmr.esia.emulator.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registered clients by {@code client_id}. */
public final class ClientRegistry {

    private final Map<String, RegisteredClient> byId;

    public ClientRegistry(Collection<RegisteredClient> clients) {
        this.byId = clients.stream().collect(Collectors.toUnmodifiableMap(RegisteredClient::id, Function.identity()));
    }

    public Optional<RegisteredClient> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(byId.get(clientId));
    }
}
