-- The shipped guides, in English and Welsh (version 1, national: council_id NULL). The text is a
-- small plain-text mark-up that dphub renders itself, never as HTML: a blank line between blocks,
-- "## " a heading, "- " a bullet, "1. " a numbered step, "[flowchart]" draws the next numbered
-- steps as a chart too, and [words](/information/...) links to another page of the hub.
-- Rules are as DOMAIN.md states them: England, Care Act 2014 ss31-33 and SI 2014/2871; Wales,
-- Social Services and Well-being (Wales) Act 2014 ss50-53 and SI 2015/1815.

INSERT INTO information_guide_version (council_id, slug, language, version, position, title, summary, body, created_by) VALUES
(NULL, 'what-is-a-direct-payment', 'en', 1, 1, 'What a direct payment is',
 'Money from your council so you can choose and buy your own care and support.',
$t$A direct payment is money from your council. You use it to get the care and support you need, in the way that suits you.

First, the council looks at what you need help with. Then you agree a care and support plan together. The plan says what matters to you. For example, keep going to the football with your brother, or stay in your own home. The plan also says how much money it takes to meet your needs. This is your personal budget.

You can let the council arrange your support. Or you can take some or all of the money as a direct payment and arrange it yourself.

## What it lets you do

- choose who helps you, and when
- employ your own personal assistant (PA)
- buy from a small local group or a micro-enterprise
- join with other people to share the cost of an activity
- buy things that help you meet your goals

## What we ask of you

Keep your records. Spend the money on what is in your plan. Tell us when things change. Give back money you do not need.

## What you can expect from us

We pay you on time. We tell you how we made our choices. We give you a copy of your plan. We check in a light and fair way. Nobody has to take a direct payment: it is your choice.

[Is a direct payment right for me?](/information/is-it-right-for-me)$t$, 'system'),
(NULL, 'what-is-a-direct-payment', 'cy', 1, 1, 'Beth yw taliad uniongyrchol',
 'Arian gan eich cyngor fel y gallwch ddewis a phrynu eich gofal a''ch cymorth eich hun.',
$t$Arian gan eich cyngor yw taliad uniongyrchol. Rydych chi'n ei ddefnyddio i gael y gofal a'r cymorth sydd eu hangen arnoch, yn y ffordd sy'n addas i chi.

Yn gyntaf, mae'r cyngor yn edrych ar yr hyn y mae angen help arnoch gydag ef. Yna rydych chi'n cytuno ar gynllun gofal a chymorth gyda'ch gilydd. Mae'r cynllun yn dweud beth sy'n bwysig i chi. Er enghraifft, dal i fynd i'r pêl-droed gyda'ch brawd, neu aros yn eich cartref eich hun. Mae'r cynllun hefyd yn dweud faint o arian sydd ei angen i ddiwallu eich anghenion. Dyma eich cyllideb bersonol.

Gallwch adael i'r cyngor drefnu eich cymorth. Neu gallwch gymryd rhywfaint o'r arian, neu'r cyfan, fel taliad uniongyrchol a'i drefnu eich hun.

## Beth mae'n gadael i chi ei wneud

- dewis pwy sy'n eich helpu, a phryd
- cyflogi eich cynorthwyydd personol eich hun
- prynu gan grŵp lleol bach neu ficro-fenter
- ymuno â phobl eraill i rannu cost gweithgaredd
- prynu pethau sy'n eich helpu i gyrraedd eich nodau

## Beth rydyn ni'n ei ofyn gennych chi

Cadwch eich cofnodion. Gwariwch yr arian ar yr hyn sydd yn eich cynllun. Rhowch wybod i ni pan fydd pethau'n newid. Rhowch yn ôl arian nad oes ei angen arnoch.

## Beth gallwch ei ddisgwyl gennym ni

Rydyn ni'n eich talu ar amser. Rydyn ni'n dweud wrthych sut y gwnaethon ni ein dewisiadau. Rydyn ni'n rhoi copi o'ch cynllun i chi. Rydyn ni'n gwirio mewn ffordd ysgafn a theg. Does dim rhaid i neb gymryd taliad uniongyrchol: eich dewis chi ydyw.

[A yw taliad uniongyrchol yn iawn i mi?](/information/is-it-right-for-me)$t$, 'system'),

(NULL, 'is-it-right-for-me', 'en', 1, 2, 'Is a direct payment right for me?',
 'What people like about direct payments, what takes work, and the help you can get.',
$t$A direct payment suits many people, but not everyone. It is your choice. You can change your mind later.

## It may suit you if

- you want to choose who helps you and when
- the support the council can arrange does not fit your life
- you want help from someone who shares your language, culture or interests
- you want to try something new to meet your goals

## It takes some work

You will need to keep track of the money and keep your receipts. If you employ a PA, you become an employer. That sounds like a lot. You do not have to do it alone. A payroll service can pay your PA for you. A managed account can look after the money for you.

## If you cannot manage it yourself

Someone can help. In England, if you can make your own choices, you can ask a nominated person to take the payment for you. If you cannot make the choice yourself, an authorised person can take it for you. In Wales, this is called a suitable person.

## Who can get one

Adults who need care and support can get one, and so can carers. Children's services can pay one too. People under some court orders cannot get one. Your council will tell you if that applies to you.

[How to get a direct payment](/information/how-to-get-one)$t$, 'system'),
(NULL, 'is-it-right-for-me', 'cy', 1, 2, 'A yw taliad uniongyrchol yn iawn i mi?',
 'Beth mae pobl yn ei hoffi am daliadau uniongyrchol, beth sy''n cymryd gwaith, a''r help y gallwch ei gael.',
$t$Mae taliad uniongyrchol yn addas i lawer o bobl, ond nid i bawb. Eich dewis chi ydyw. Gallwch newid eich meddwl yn nes ymlaen.

## Gallai fod yn addas i chi os

- ydych chi eisiau dewis pwy sy'n eich helpu a phryd
- nad yw'r cymorth y gall y cyngor ei drefnu yn ffitio eich bywyd
- ydych chi eisiau help gan rywun sy'n rhannu eich iaith, eich diwylliant neu eich diddordebau
- ydych chi eisiau rhoi cynnig ar rywbeth newydd i gyrraedd eich nodau

## Mae'n cymryd rhywfaint o waith

Bydd angen i chi gadw golwg ar yr arian a chadw eich derbynebau. Os ydych chi'n cyflogi cynorthwyydd personol, rydych chi'n dod yn gyflogwr. Mae hynny'n swnio'n llawer. Does dim rhaid i chi ei wneud ar eich pen eich hun. Gall gwasanaeth cyflogres dalu eich cynorthwyydd personol ar eich rhan. Gall cyfrif a reolir edrych ar ôl yr arian ar eich rhan.

## Os na allwch ei reoli eich hun

Gall rhywun helpu. Yng Nghymru, os na allwch wneud y dewis eich hun, gall person addas gymryd y taliad ar eich rhan. Yn Lloegr, gelwir hyn yn berson awdurdodedig, a gall person enwebedig gymryd y taliad ar ran rhywun sy'n gallu gwneud ei ddewisiadau ei hun.

## Pwy sy'n gallu cael un

Gall oedolion sydd angen gofal a chymorth gael un, a gofalwyr hefyd. Yng Nghymru, gall plant gael un hefyd. Ni all pobl o dan rai gorchmynion llys gael un. Bydd eich cyngor yn dweud wrthych os yw hynny'n berthnasol i chi.

[Sut i gael taliad uniongyrchol](/information/how-to-get-one)$t$, 'system'),

(NULL, 'how-to-get-one', 'en', 1, 3, 'How to get a direct payment',
 'The steps from asking for help to your first payment, as a chart and as a list.',
$t$Getting a direct payment takes a few steps. Here they are, in order. Your council will help you at each one.

[flowchart]

1. Ask your council for help with care and support.
2. The council talks with you about what you need and what matters to you.
3. You agree a care and support plan and a personal budget.
4. You choose how to get your support: a direct payment, or the council arranges it, or a mix.
5. You sign a direct payment agreement.
6. The council sets up your account or prepaid card.
7. You get your first payment and start to arrange your support.
8. The council reviews how it is going with you.

## How long it takes

We know waiting is hard. Each council sets a target for the time from asking to the first payment. You can see your council's target on its page in this hub.

## Ask your council

Every council has a direct payments team. Find yours on [your council's page](/information).$t$, 'system'),
(NULL, 'how-to-get-one', 'cy', 1, 3, 'Sut i gael taliad uniongyrchol',
 'Y camau o ofyn am help i''ch taliad cyntaf, fel siart ac fel rhestr.',
$t$Mae cael taliad uniongyrchol yn cymryd ychydig o gamau. Dyma nhw, yn eu trefn. Bydd eich cyngor yn eich helpu ym mhob un.

[flowchart]

1. Gofynnwch i'ch cyngor am help gyda gofal a chymorth.
2. Mae'r cyngor yn siarad â chi am yr hyn sydd ei angen arnoch a beth sy'n bwysig i chi.
3. Rydych chi'n cytuno ar gynllun gofal a chymorth a chyllideb bersonol.
4. Rydych chi'n dewis sut i gael eich cymorth: taliad uniongyrchol, neu mae'r cyngor yn ei drefnu, neu gymysgedd.
5. Rydych chi'n llofnodi cytundeb taliad uniongyrchol.
6. Mae'r cyngor yn sefydlu eich cyfrif neu eich cerdyn rhagdaledig.
7. Rydych chi'n cael eich taliad cyntaf ac yn dechrau trefnu eich cymorth.
8. Mae'r cyngor yn adolygu sut mae pethau'n mynd gyda chi.

## Faint o amser mae'n ei gymryd

Rydyn ni'n gwybod bod aros yn anodd. Mae pob cyngor yn gosod targed ar gyfer yr amser o ofyn i'r taliad cyntaf. Gallwch weld targed eich cyngor ar ei dudalen yn yr hwb hwn.

## Gofynnwch i'ch cyngor

Mae gan bob cyngor dîm taliadau uniongyrchol. Dewch o hyd i'ch un chi ar [dudalen eich cyngor](/information).$t$, 'system'),

(NULL, 'what-can-i-spend-it-on', 'en', 1, 4, 'What I can spend it on',
 'Anything legal that helps you meet the goals in your plan. Real examples.',
$t$You can spend your direct payment on anything, as long as it's legal and linked to an outcome in your plan. Be creative. The best ideas often come from you.

## Real examples

- An Alexa, so you can call a friend, set reminders for your tablets and turn on the lights without help.
- A gym membership, because getting fit is one of your goals and it helps your mood.
- Going to the match with a PA, so you can keep watching your team with someone who shares the love of the game.
- A cookery course, so you can make your own meals.
- A short break, so a carer can rest.
- Joining with two friends to pay for an art class you all enjoy.

## What it cannot pay for

- anything against the law
- things that are not linked to your plan
- a long stay in a care home: in England, no more than 4 weeks in a row in any 12 months
- day-to-day bills like food and rent, unless your plan says so

## If you are not sure

Ask us before you buy. We would rather talk it through than have you worry. Keep the receipt for anything over your council's limit.$t$, 'system'),
(NULL, 'what-can-i-spend-it-on', 'cy', 1, 4, 'Ar beth y gallaf ei wario',
 'Unrhyw beth cyfreithlon sy''n eich helpu i gyrraedd y nodau yn eich cynllun. Enghreifftiau go iawn.',
$t$Gallwch wario eich taliad uniongyrchol ar unrhyw beth, cyn belled â'i fod yn gyfreithlon ac yn gysylltiedig â deilliant yn eich cynllun. Byddwch yn greadigol. Yn aml, mae'r syniadau gorau yn dod gennych chi.

## Enghreifftiau go iawn

- Alexa, fel y gallwch ffonio ffrind, gosod nodiadau atgoffa ar gyfer eich tabledi a throi'r goleuadau ymlaen heb help.
- Aelodaeth o gampfa, am fod dod yn heini yn un o'ch nodau ac mae'n helpu eich hwyliau.
- Mynd i'r gêm gyda chynorthwyydd personol, fel y gallwch ddal i wylio eich tîm gyda rhywun sy'n caru'r gêm hefyd.
- Cwrs coginio, fel y gallwch wneud eich prydau bwyd eich hun.
- Seibiant byr, fel y gall gofalwr gael gorffwys.
- Ymuno â dau ffrind i dalu am ddosbarth celf rydych chi i gyd yn ei fwynhau.

## Beth na all dalu amdano

- unrhyw beth sy'n erbyn y gyfraith
- pethau nad ydynt yn gysylltiedig â'ch cynllun
- arhosiad hir mewn cartref gofal
- biliau bob dydd fel bwyd a rhent, oni bai bod eich cynllun yn dweud hynny

## Os nad ydych chi'n siŵr

Gofynnwch i ni cyn i chi brynu. Byddai'n well gennym siarad am y peth na'ch bod chi'n poeni. Cadwch y dderbynneb am unrhyw beth dros derfyn eich cyngor.$t$, 'system'),

(NULL, 'becoming-an-employer', 'en', 1, 5, 'Becoming an employer',
 'Taking on your own personal assistant, and the help you get to do it well.',
$t$Many people use their direct payment to employ a personal assistant (PA). A PA can help at home, at work, or out and about. You choose who, and you agree the hours together.

## What an employer does

- agrees a contract and a fair rate of pay
- pays the PA through payroll, with tax and National Insurance
- gives holiday pay and sick pay
- sets up a workplace pension when the PA can join one
- takes out employer's liability insurance

## You do not do it alone

A payroll service works out the pay and the tax for you, and sends payslips. Your council's direct payments team can help you write a job advert, check a PA, and sort out problems. Most people who employ care workers through a direct payment can claim the Employment Allowance, which cuts the National Insurance you pay.

## Finding a PA

You can post a job on the PA register and see who is near you. Say what matters to you. If football is a big part of your life, put it in the advert.$t$, 'system'),
(NULL, 'becoming-an-employer', 'cy', 1, 5, 'Dod yn gyflogwr',
 'Cyflogi eich cynorthwyydd personol eich hun, a''r help a gewch i wneud hynny''n dda.',
$t$Mae llawer o bobl yn defnyddio eu taliad uniongyrchol i gyflogi cynorthwyydd personol. Gall cynorthwyydd personol helpu gartref, yn y gwaith, neu allan yn y gymuned. Chi sy'n dewis pwy, ac rydych chi'n cytuno ar yr oriau gyda'ch gilydd.

## Beth mae cyflogwr yn ei wneud

- cytuno ar gontract a chyfradd cyflog deg
- talu'r cynorthwyydd drwy'r gyflogres, gyda threth ac Yswiriant Gwladol
- rhoi tâl gwyliau a thâl salwch
- sefydlu pensiwn gweithle pan all y cynorthwyydd ymuno ag un
- cael yswiriant atebolrwydd cyflogwr

## Dydych chi ddim ar eich pen eich hun

Mae gwasanaeth cyflogres yn cyfrifo'r cyflog a'r dreth ar eich rhan, ac yn anfon slipiau cyflog. Gall tîm taliadau uniongyrchol eich cyngor eich helpu i ysgrifennu hysbyseb swydd, gwirio cynorthwyydd, a datrys problemau. Gall y rhan fwyaf o bobl sy'n cyflogi gweithwyr gofal drwy daliad uniongyrchol hawlio'r Lwfans Cyflogaeth, sy'n lleihau'r Yswiriant Gwladol rydych chi'n ei dalu.

## Dod o hyd i gynorthwyydd personol

Gallwch roi swydd ar y gofrestr cynorthwywyr personol a gweld pwy sy'n agos atoch. Dywedwch beth sy'n bwysig i chi. Os yw pêl-droed yn rhan fawr o'ch bywyd, rhowch hynny yn yr hysbyseb.$t$, 'system'),

(NULL, 'paying-family', 'en', 1, 6, 'Paying family',
 'When a direct payment can pay a relative, in England and in Wales.',
$t$Many people want help from someone they know and trust. A direct payment can pay a relative who does not live with you, in the same way as any other PA.

## A relative who lives with you

The rules are stricter for close family who live in the same home as you. This means a husband, wife or partner, and close relatives such as a parent, son or daughter, brother or sister, aunt or uncle, or grandparent, and their partners.

In England, a direct payment cannot pay them unless the council decides it is necessary. That may be to meet your needs, or to help run the direct payment. This rule is in regulation 3 of the 2014 regulations.

In Wales, regulation 6 of the 2015 Wales regulations sets the rule. The list of relatives there also names a step-parent. Your council can agree to pay a relative who lives with you. It will tell you how it decides.

## What we record

If the council agrees, we write down who decided, when, and why. You can ask to see it. If the council says no, we tell you why, and you can ask us to think again.$t$, 'system'),
(NULL, 'paying-family', 'cy', 1, 6, 'Talu teulu',
 'Pryd y gall taliad uniongyrchol dalu perthynas, yng Nghymru ac yn Lloegr.',
$t$Mae llawer o bobl eisiau help gan rywun maen nhw'n ei adnabod ac yn ymddiried ynddo. Gall taliad uniongyrchol dalu perthynas nad yw'n byw gyda chi, yn yr un ffordd ag unrhyw gynorthwyydd personol arall.

## Perthynas sy'n byw gyda chi

Mae'r rheolau'n llymach ar gyfer teulu agos sy'n byw yn yr un cartref â chi. Mae hyn yn golygu gŵr, gwraig neu bartner, a pherthnasau agos fel rhiant, mab neu ferch, brawd neu chwaer, modryb neu ewythr, neu nain, taid, mam-gu neu dad-cu, a'u partneriaid.

Yng Nghymru, rheoliad 6 o reoliadau Cymru 2015 sy'n gosod y rheol. Mae'r rhestr o berthnasau yno hefyd yn enwi llys-riant. Gall eich cyngor gytuno i dalu perthynas sy'n byw gyda chi. Bydd yn dweud wrthych sut mae'n penderfynu.

Yn Lloegr, ni all taliad uniongyrchol eu talu oni bai bod y cyngor yn penderfynu bod angen hynny. Gall hynny fod i ddiwallu eich anghenion, neu i helpu i redeg y taliad uniongyrchol. Mae'r rheol hon yn rheoliad 3 o reoliadau 2014.

## Beth rydyn ni'n ei gofnodi

Os yw'r cyngor yn cytuno, rydyn ni'n ysgrifennu pwy benderfynodd, pryd, a pham. Gallwch ofyn am ei weld. Os yw'r cyngor yn dweud na, rydyn ni'n dweud wrthych pam, a gallwch ofyn i ni ailystyried.$t$, 'system'),

(NULL, 'reviews', 'en', 1, 7, 'Reviews',
 'Talking with your council about how your direct payment is going.',
$t$A review is a chat about how things are going. Is your support working? Has anything changed? Do you need more help, or less? It is not a test.

## When reviews happen

In England, the first review is within 6 months of your first payment. After that, there is one at least every 12 months. In Wales, your council agrees with you when reviews will happen.

You can ask for a review at any time, for example if your needs change or a PA leaves. The council may also ask for one if it has worries about how the payment is working.

## What to bring

- what is going well and what is not
- your records or statements, if you have them
- any ideas you have for doing things in a new way

## After the review

We write down what we agreed and send you a copy. If your plan or budget changes, we tell you what changes and when.$t$, 'system'),
(NULL, 'reviews', 'cy', 1, 7, 'Adolygiadau',
 'Siarad â''ch cyngor am sut mae eich taliad uniongyrchol yn mynd.',
$t$Sgwrs am sut mae pethau'n mynd yw adolygiad. Ydy eich cymorth yn gweithio? Oes rhywbeth wedi newid? Oes angen mwy o help arnoch, neu lai? Nid prawf ydyw.

## Pryd mae adolygiadau'n digwydd

Yng Nghymru, mae eich cyngor yn cytuno â chi pryd y bydd adolygiadau'n digwydd. Yn Lloegr, mae'r adolygiad cyntaf o fewn 6 mis i'ch taliad cyntaf. Ar ôl hynny, mae un o leiaf bob 12 mis.

Gallwch ofyn am adolygiad ar unrhyw adeg, er enghraifft os yw eich anghenion yn newid neu os yw cynorthwyydd personol yn gadael. Gall y cyngor hefyd ofyn am un os oes ganddo bryderon am sut mae'r taliad yn gweithio.

## Beth i ddod gyda chi

- beth sy'n mynd yn dda a beth sydd ddim
- eich cofnodion neu eich datganiadau, os oes gennych rai
- unrhyw syniadau sydd gennych am wneud pethau mewn ffordd newydd

## Ar ôl yr adolygiad

Rydyn ni'n ysgrifennu beth wnaethon ni ei gytuno ac yn anfon copi atoch. Os yw eich cynllun neu eich cyllideb yn newid, rydyn ni'n dweud wrthych beth sy'n newid a phryd.$t$, 'system'),

(NULL, 'money-left-over', 'en', 1, 8, 'Money left over',
 'What happens to money you have not spent, and how to keep some aside.',
$t$It is normal to have some money left in your account. Bills do not always come at the same time. Keep a little aside for things like holiday pay for your PA.

## When we may ask for money back

Your council sets a limit on how much can build up. It is often the same as a few weeks of your budget. If your balance is higher than that, we will talk with you first. We look at what you have planned to spend. Then we agree how much, if any, comes back to the council.

## Why we ask

The money is public money for your care and support. If you do not need it, it can help someone else. If you often have money left, your plan may need a change. That is a good thing to talk about at your review.

## Tell us if you are saving for something

If you are saving for something in your plan, like a short break, tell us. We will take it into account.$t$, 'system'),
(NULL, 'money-left-over', 'cy', 1, 8, 'Arian dros ben',
 'Beth sy''n digwydd i arian nad ydych wedi''i wario, a sut i gadw peth o''r neilltu.',
$t$Mae'n arferol cael rhywfaint o arian ar ôl yn eich cyfrif. Nid yw biliau bob amser yn dod ar yr un pryd. Cadwch ychydig o'r neilltu ar gyfer pethau fel tâl gwyliau eich cynorthwyydd personol.

## Pryd y gallen ni ofyn am arian yn ôl

Mae eich cyngor yn gosod terfyn ar faint all gronni. Yn aml mae'r un peth ag ychydig wythnosau o'ch cyllideb. Os yw eich balans yn uwch na hynny, byddwn ni'n siarad â chi yn gyntaf. Rydyn ni'n edrych ar yr hyn rydych chi wedi bwriadu ei wario. Yna rydyn ni'n cytuno faint, os o gwbl, sy'n dod yn ôl i'r cyngor.

## Pam rydyn ni'n gofyn

Arian cyhoeddus ar gyfer eich gofal a'ch cymorth yw'r arian. Os nad oes ei angen arnoch, gall helpu rhywun arall. Os oes gennych arian ar ôl yn aml, efallai y bydd angen newid eich cynllun. Mae hynny'n beth da i siarad amdano yn eich adolygiad.

## Dywedwch wrthym os ydych chi'n cynilo ar gyfer rhywbeth

Os ydych chi'n cynilo ar gyfer rhywbeth yn eich cynllun, fel seibiant byr, dywedwch wrthym. Byddwn ni'n ystyried hynny.$t$, 'system'),

(NULL, 'connect-and-enable', 'en', 1, 9, 'Connect and Enable',
 'A quick one-off payment for a change in your life, agreed by your practitioner.',
$t$Sometimes life changes fast. You come home from hospital. A carer needs a break now. You want to learn a new skill. Connect and Enable is a one-off direct payment that helps at times like these.

## How it works

Your social worker or practitioner can agree a one-off payment up to their council's limit, quickly and without a long process. Above that limit it can still happen. A manager agrees it instead.

## What it can pay for

Anything legal that is linked to an outcome. For example:

- a few weeks of extra help at home after a stay in hospital
- a course to learn or brush up a skill
- a short break for a carer
- a piece of kit that keeps you safe and well at home

## Ask about it

Talk to your practitioner about what would help. They will think with you, outside of the box. You can see your council's limit on its page in this hub.$t$, 'system'),
(NULL, 'connect-and-enable', 'cy', 1, 9, 'Cysylltu a Galluogi',
 'Taliad untro cyflym ar gyfer newid yn eich bywyd, wedi''i gytuno gan eich ymarferydd.',
$t$Weithiau mae bywyd yn newid yn gyflym. Rydych chi'n dod adref o'r ysbyty. Mae angen seibiant ar ofalwr nawr. Rydych chi eisiau dysgu sgìl newydd. Taliad uniongyrchol untro yw Cysylltu a Galluogi sy'n helpu ar adegau fel hyn.

## Sut mae'n gweithio

Gall eich gweithiwr cymdeithasol neu eich ymarferydd gytuno ar daliad untro hyd at derfyn eu cyngor, yn gyflym a heb broses hir. Uwchlaw'r terfyn hwnnw, gall ddigwydd o hyd. Mae rheolwr yn ei gytuno yn lle hynny.

## Beth all dalu amdano

Unrhyw beth cyfreithlon sy'n gysylltiedig â deilliant. Er enghraifft:

- ychydig wythnosau o help ychwanegol gartref ar ôl bod yn yr ysbyty
- cwrs i ddysgu sgìl neu i'w loywi
- seibiant byr i ofalwr
- offer sy'n eich cadw'n ddiogel ac yn iach gartref

## Gofynnwch amdano

Siaradwch â'ch ymarferydd am beth fyddai'n helpu. Byddan nhw'n meddwl gyda chi, y tu allan i'r bocs. Gallwch weld terfyn eich cyngor ar ei dudalen yn yr hwb hwn.$t$, 'system');
