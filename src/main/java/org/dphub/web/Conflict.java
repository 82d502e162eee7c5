package org.dphub.web;

/** The record is not in a state that allows this (answered 409). */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
