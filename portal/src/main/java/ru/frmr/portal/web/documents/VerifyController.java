package ru.frmr.portal.web.documents;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;

/**
 * The public check of a справка, without login: where its QR code leads ({@code /verify/{number}}: valid, expired,
 * revoked or never issued, with the type, dates, the holder's masked name and the document's SHA-256), and a form
 * that takes the PDF itself and says whether the platform issued exactly these bytes.
 */
@Controller
class VerifyController {

    /** As printed: 16 characters of Crockford base32, grouped by four; spaces and case do not matter. */
    static final Pattern NUMBER = Pattern.compile(
            "^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$");

    private final Platform platform;

    VerifyController(Platform platform) {
        this.platform = platform;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String number, Model model, HttpServletResponse response) {
        if (number != null) {
            String typed = normalized(number);
            if (NUMBER.matcher(typed).matches()) {
                return "redirect:/verify/" + grouped(typed);
            }
            response.setStatus(400);
            model.addAttribute("numberError", "Номер справки — 16 знаков в формате XXXX-XXXX-XXXX-XXXX.");
            model.addAttribute("number", number);
        }
        return "documents/verify";
    }

    @GetMapping("/verify/{number}")
    String byNumber(@PathVariable String number, Model model, HttpServletResponse response) {
        String typed = normalized(number);
        if (!NUMBER.matcher(typed).matches()) {
            response.setStatus(400);
            model.addAttribute("numberError", "Номер справки — 16 знаков в формате XXXX-XXXX-XXXX-XXXX.");
            model.addAttribute("number", number);
            return "documents/verify";
        }
        String shown = grouped(typed);
        model.addAttribute("number", shown);
        try {
            JsonNode result = platform.anonymous(HttpMethod.GET, "/api/documents/verify/{n}", shown).json();
            model.addAttribute("result", result);
            model.addAttribute("status", result.path("status").asText("UNKNOWN"));
        } catch (ApiProblem refused) {
            if (refused.status() == 404) {
                response.setStatus(404);
                model.addAttribute("status", "UNKNOWN");
            } else if (refused.status() == 400) {
                response.setStatus(400);
                model.addAttribute("numberError", "Номер справки — 16 знаков в формате XXXX-XXXX-XXXX-XXXX.");
                return "documents/verify";
            } else {
                throw refused;
            }
        }
        return "documents/verify-number";
    }

    @PostMapping("/verify")
    String check(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) {
        if (!DocumentUploads.chosen(file) || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("fileError", "Выберите PDF-файл справки.");
            return "documents/verify";
        }
        if (file.getSize() > DocumentUploads.MAX_BYTES) {
            response.setStatus(413);
            model.addAttribute("fileError", "Файл больше 5 МБ: справки платформы меньше. Это не справка платформы.");
            return "documents/verify";
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        parts.add("file", new HttpEntity<>(file.getResource(), headers));
        JsonNode answer;
        try {
            answer = platform.anonymous(HttpMethod.POST, "/api/documents/verify").multipart(parts).json();
        } catch (ApiProblem refused) {
            if (refused.status() == 429 || !refused.clientError()) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("fileError", "Файл не удалось проверить: загрузите PDF-файл справки.");
            return "documents/verify";
        }
        model.addAttribute("check", answer);
        model.addAttribute("genuine", answer.path("issuedByPlatform").asBoolean()
                && answer.path("unaltered").asBoolean());
        model.addAttribute("fileName", file.getOriginalFilename());
        return "documents/verify";
    }

    private static String normalized(String number) {
        return number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private static String grouped(String number) {
        String plain = number.replace("-", "");
        return String.join("-", plain.substring(0, 4), plain.substring(4, 8), plain.substring(8, 12),
                plain.substring(12, 16));
    }
}
