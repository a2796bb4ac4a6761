package ru.frmr.kit.ops;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.security.CurrentUser;

/**
 * {@code GET {frmr.ops.path}/projections}: the service's tracking processors and where they stand.
 * {@code POST {frmr.ops.path}/projections/{name}/replay}: rebuild one projection from the event store; 202, the
 * rebuild runs in the background (it is done when the list shows the processor {@code caughtUp}). Who may call them: {@link OpsProperties}.
 */
@RestController
@RequestMapping("${frmr.ops.path}/projections")
class ProjectionOpsController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOpsController.class);

    private final ProjectionReplays replays;

    ProjectionOpsController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @GetMapping
    List<ProcessorStatus> list() {
        return replays.list();
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        ProcessorStatus status = replays.replay(name);
        log.info("Replay of processor {} started by account {}", status.name(),
                CurrentUser.current().map(CurrentUser::accountId).orElse("?"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status);
    }
}
