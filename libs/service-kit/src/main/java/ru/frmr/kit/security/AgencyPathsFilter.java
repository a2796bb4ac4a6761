package ru.frmr.kit.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An agency's machine client (role AGENCY, no person behind it) may call only the paths its service lists in
 * {@code frmr.security.agency-paths}; anywhere else its token is refused with 403, before any rule of the service is
 * asked. Rules that let "any authenticated caller" through were written for people (their inbox, their requests):
 * without this, a client would pass them as an account named by its client id.
 */
final class AgencyPathsFilter extends OncePerRequestFilter {

    private static final String AGENCY_AUTHORITY = "ROLE_" + Roles.AGENCY;

    private final List<RequestMatcher> allowed;
    private final SecurityProblemResponder responder;

    AgencyPathsFilter(List<String> agencyPaths, SecurityProblemResponder responder) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.allowed = agencyPaths.stream().<RequestMatcher>map(paths::matcher).toList();
        this.responder = responder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAgency(SecurityContextHolder.getContext().getAuthentication())
                && allowed.stream().noneMatch(matcher -> matcher.matches(request))) {
            responder.handle(request, response, new AccessDeniedException("not a path for agency clients"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isAgency(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> AGENCY_AUTHORITY.equals(authority.getAuthority()));
    }
}
