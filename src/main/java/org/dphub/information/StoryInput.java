package org.dphub.information;

/** A person's words as council staff add them; {@code consent} is the box they must tick. */
public record StoryInput(String guide, String language, String quote, String attribution, String consent) {
}
