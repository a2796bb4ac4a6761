package ru.frmr.notification.inbox;

import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.kit.security.CurrentUser;

/** The signed-in person's inbox: newest first, unread count, mark read. Only their own: another's id is 404. */
@RestController
@RequestMapping("/api/notifications/me/inbox")
class InboxController {

    private static final Pattern ID = Pattern.compile("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$");
    private static final int MAX_SIZE = 100;
    private static final int MAX_PAGE = 100_000;

    private final MongoInbox inbox;

    InboxController(MongoInbox inbox) {
        this.inbox = inbox;
    }

    record Unread(long unread) {
    }

    @GetMapping
    MongoInbox.Page list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", "must be 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException("size", "must be 1 to " + MAX_SIZE);
        }
        return inbox.page(user.accountId(), page, size);
    }

    @GetMapping("/unread-count")
    Unread unread(@AuthenticationPrincipal CurrentUser user) {
        return new Unread(inbox.unread(user.accountId()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidParameterException("id", "must be a notification id (a UUID)");
        }
        if (!inbox.markRead(user.accountId(), id)) {
            throw new NotFoundException("id: no such notice");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    ResponseEntity<Void> readAll(@AuthenticationPrincipal CurrentUser user) {
        inbox.markAllRead(user.accountId());
        return ResponseEntity.noContent().build();
    }
}
