package ru.frmr.documents.certificate.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a request into work under a freshly drawn number. Answers the number to issue under: the drawn one the first
 * time, the one drawn before when the issuer retries (so a retried issue prints the same number), or none when the
 * request is past issuing.
 */
public record StartIssuingCommand(@TargetAggregateIdentifier String requestId, String number, Instant startedAt) {
}
