package ru.frmr.registry.web;

import java.util.List;

/** One page of the pending changes, oldest first. */
public record ModerationQueueResponse(List<ProfileChangeResponse> items, int page, int size, long total) {
}
