package org.dphub.web;

/** One problem with what a person entered: the field's id (for the error summary link) and the message to show. */
public record FormError(String field, String message) {
}
