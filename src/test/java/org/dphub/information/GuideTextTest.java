package org.dphub.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuideTextTest {

    static final List<GuideText.Term> TERMS = List.of(
            new GuideText.Term("direct payment", "/information/jargon-buster#direct-payment"),
            new GuideText.Term("personal assistant (PA)", "/information/jargon-buster#personal-assistant"),
            new GuideText.Term("review", "/information/jargon-buster#review"));

    @Test
    void readsHeadingsListsStepsAndAFlowchartAndLinksEachWordOnce() {
        GuideText text = GuideText.parse("""
                A direct payment is money. Another direct payment here.

                ## Reviews of a direct payment

                - employ a PA
                - have reviews

                [flowchart]

                1. Ask the council.
                2. Agree a plan with a long sentence that needs more than one line in the chart.
                """, TERMS);

        assertThat(text.blocks()).extracting(GuideText.Block::kind).containsExactly(GuideText.Kind.PARAGRAPH,
                GuideText.Kind.HEADING, GuideText.Kind.BULLETS, GuideText.Kind.FLOWCHART, GuideText.Kind.STEPS);
        List<GuideText.Span> first = text.blocks().get(0).items().get(0);
        assertThat(first).filteredOn(GuideText.Span::isLink).extracting(GuideText.Span::text).containsExactly("direct payment");
        assertThat(text.blocks().get(1).items().get(0)).noneMatch(GuideText.Span::isLink); // never in a heading
        assertThat(text.blocks().get(2).items().get(0)).filteredOn(GuideText.Span::isLink)
                .extracting(GuideText.Span::href).containsExactly("/information/jargon-buster#personal-assistant");
        assertThat(text.blocks().get(2).items().get(1)).filteredOn(GuideText.Span::isLink)
                .extracting(GuideText.Span::text).containsExactly("reviews");
        Flowchart chart = text.blocks().get(3).chart();
        assertThat(chart.boxes()).hasSize(2);
        assertThat(chart.boxes().get(1).lines()).hasSizeGreaterThan(1).allMatch(l -> l.length() <= 34);
        assertThat(chart.boxes().get(0).lines().get(0)).isEqualTo("1. Ask the council.");
    }

    @Test
    void linksOnlyWithinTheHubAndKeepsEverythingElseAsWords() {
        GuideText text = GuideText.parse("See [reviews](/information/reviews) or [this](https://evil.example/x) or <script>alert(1)</script>.", List.of());

        List<GuideText.Span> spans = text.blocks().get(0).items().get(0);
        assertThat(spans).filteredOn(GuideText.Span::isLink).extracting(GuideText.Span::href).containsExactly("/information/reviews");
        assertThat(spans).extracting(GuideText.Span::text).anyMatch(t -> t.contains("[this](https://evil.example/x)"))
                .anyMatch(t -> t.contains("<script>")); // kept as words: pages escape them
    }

    @Test
    void readsTheTextAsSentencesForTheReadingEaseScore() {
        assertThat(GuideText.asSentences("## What it is\n\n- one thing\n- two things\n\n1. Ask [us](/information).\n"))
                .isEqualTo("What it is. one thing. two things. Ask us.");
    }
}
