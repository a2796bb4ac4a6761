package ru.frmr.notification.template;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The templates in use, for operators (REGISTRY_ADMIN, by the access rules): kind, channel, version, fields. */
@RestController
class TemplatesAdminController {

    private final MustacheTemplates templates;

    TemplatesAdminController(MustacheTemplates templates) {
        this.templates = templates;
    }

    record Item(String kind, String channel, int version, List<String> fields, Integer smsSegments) {
    }

    record Listing(List<Item> items) {
    }

    @GetMapping("/api/notifications/admin/templates")
    Listing list() {
        return new Listing(templates.all().stream().map(t -> new Item(t.kind().name(), t.channel().name(),
                t.version(), t.fields(), t.maxSegments() == 0 ? null : t.maxSegments())).toList());
    }
}
