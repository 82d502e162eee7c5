-- A person is told when someone who acted for them no longer does (people records it; letters writes).
ALTER TABLE letter_template DROP CONSTRAINT letter_template_kind_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_kind_check
    CHECK (kind IN ('RETURN_DUE', 'QUESTION', 'SURPLUS_FOUND', 'REVIEW_DUE', 'INSURANCE_RENEWAL', 'SURPLUS_RECOVERED',
                    'PAYMENT_REQUESTED', 'GROUP_INVITED', 'GROUP_CONFIRMED', 'GROUP_LEFT', 'GROUP_MEMBER_LEFT',
                    'FEEDBACK_INVITED', 'HELP_REPLIED', 'COVER_REQUESTED', 'COVER_ACCEPTED', 'COVER_DECLINED',
                    'REPRESENTATIVE_ENDED'));
