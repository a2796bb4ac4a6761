package ru.frmr.audit.web;

import java.util.List;

record EntryPageResponse(List<EntryResponse> items, int page, int size, long totalItems) {
}
