package ru.frmr.registry.web;

import java.util.List;

/** One page of the open activation requests, oldest first; {@code total} counts every open one. */
public record ActivationQueueResponse(List<ActivationRequestResponse> items, int page, int size, long total) {
}
