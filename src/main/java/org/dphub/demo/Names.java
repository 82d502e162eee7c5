package org.dphub.demo;

import java.util.List;

/** Names and needs to make demo people from. */
final class Names {

    private Names() {
    }

    static final List<String> ENGLISH_GIVEN = List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack",
            "Mia", "Noah", "Grace", "Arthur", "Freya", "Thomas", "Lily", "James", "Emily", "William", "Sophie",
            "Margaret", "Brian", "Susan", "David", "Patricia", "Peter", "Janet", "Priya", "Aisha", "Mohammed",
            "Tomasz", "Chloe", "Daniel", "Hannah", "Samuel", "Ruth", "Kwame", "Grace", "Edward", "Joan");
    static final List<String> ENGLISH_FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans",
            "Johnson", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
            "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Patel", "Khan", "Shah", "Nowak", "Mensah",
            "Turner", "Hill", "Cooper", "Ward", "Morris", "Bennett", "Price", "Owen");
    static final List<String> WELSH_GIVEN = List.of("Rhys", "Cerys", "Dylan", "Ffion", "Gareth", "Sian", "Iwan",
            "Nia", "Aled", "Megan", "Emyr", "Angharad", "Gethin", "Lowri", "Huw", "Bethan", "Owain", "Catrin",
            "Dafydd", "Eleri", "Ieuan", "Mared", "Tomos", "Manon", "Gwen", "Alun", "Elin", "Carys", "Geraint",
            "Mair", "Steffan", "Olivia", "Jack", "Sophie", "Liam");
    static final List<String> WELSH_FAMILY = List.of("Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts",
            "Hughes", "Lewis", "Morgan", "Griffiths", "Edwards", "Owen", "Price", "Rees", "Jenkins", "Powell",
            "Parry", "Pritchard", "Lloyd", "Vaughan", "Bevan", "Pugh", "Howells", "Morris", "Watkins", "Ellis");
    static final List<String> COMMUNICATION_NEEDS = List.of(
            "Easy Read letters, please",
            "Uses British Sign Language: book an interpreter for visits",
            "Large print (18 point) for anything written",
            "Prefers phone calls in the afternoon",
            "Please speak to my daughter as well, she helps me understand letters",
            "Hard of hearing: face me when talking",
            "Uses a communication app on a tablet");
}
