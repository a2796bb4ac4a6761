package ru.frmr.notification.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.AddressBook;

/** An address book the delivery tests fill by hand (the real one is fed by events). */
public class InMemoryAddressBook implements AddressBook {

    private final Map<String, Map<NotificationChannel, String>> addresses = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    public InMemoryAddressBook put(String recipientKey, NotificationChannel channel, String address) {
        addresses.computeIfAbsent(recipientKey, key -> new ConcurrentHashMap<>()).put(channel, address);
        return this;
    }

    public void erase(String recipientKey) {
        erased.add(recipientKey);
        addresses.remove(recipientKey);
    }

    @Override
    public Optional<String> address(String recipientKey, NotificationChannel channel) {
        return Optional.ofNullable(addresses.getOrDefault(recipientKey, Map.of()).get(channel));
    }

    @Override
    public boolean erased(String recipientKey) {
        return erased.contains(recipientKey);
    }

    @Override
    public void rememberRequester(String requestId, String email) {
        put("support-request:" + requestId, NotificationChannel.EMAIL, email);
    }
}
