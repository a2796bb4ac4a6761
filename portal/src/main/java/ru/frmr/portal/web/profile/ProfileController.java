package ru.frmr.portal.web.profile;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;
import ru.frmr.portal.web.Dictionaries;
import ru.frmr.portal.web.Formats;

/**
 * The worker's own profile, read-only: personal data from ESIA (the СНИЛС in full: it is the person's own),
 * contacts, the account's status, the employments employers reported, and every section of the professional record
 * with each entry's moderation status, licence terms, and links to the forms that add, correct or remove entries.
 */
@Controller
class ProfileController {

    private final Platform platform;
    private final Dictionaries dictionaries;
    private final Formats formats;

    ProfileController(Platform platform, Dictionaries dictionaries, Formats formats) {
        this.platform = platform;
        this.dictionaries = dictionaries;
        this.formats = formats;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal SignedIn me, Model model) {
        JsonNode record = record(me);
        if (record == null) {
            model.addAttribute("creating", true);
            return "profile/record";
        }
        RecordPresenter presenter = new RecordPresenter(formats, new CodeNames(dictionaries));
        String status = RecordPresenter.text(record, "accountStatus");
        boolean blocked = "BLOCKED".equals(status);
        model.addAttribute("name", formats.fullName(RecordPresenter.text(record, "lastName"),
                RecordPresenter.text(record, "firstName"), RecordPresenter.text(record, "middleName")));
        model.addAttribute("accountStatus", RecordPresenter.accountStatus(status));
        model.addAttribute("blocked", blocked);
        model.addAttribute("erased", record.path("personalDataErased").asBoolean(false));
        model.addAttribute("pendingChanges", record.path("pendingChanges").asLong(0));
        model.addAttribute("personal", presenter.personal(record));
        model.addAttribute("contacts", presenter.contacts(record));
        model.addAttribute("employments", presenter.employments(record));
        model.addAttribute("sections", presenter.sections(record, !blocked));
        return "profile/record";
    }

    /**
     * The person's record, or null while there is none to show: the registry has not linked the account to a
     * record yet (no registry number in the token), or its view of a just-registered record has not caught up.
     */
    private JsonNode record(SignedIn me) {
        if (me.workerId() == null) {
            return null;
        }
        try {
            return platform.as(me, HttpMethod.GET, "/api/registry/workers/{id}", me.workerId()).json();
        } catch (ApiProblem refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }
}
