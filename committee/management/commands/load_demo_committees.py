"""Demo committees: the field committee, the steering groups, three action groups and a theme group, in Dutch
and English, and the home page featuring an action group's progress.

The structure comes from the seeds: the field committee of the programme
statement (000) with seats for academia, societal partners and industry; the
NVNG policy plan (001) on committees with a clear assignment, annual plans,
reports to the members and vacancies on the website; and the recommendations
report (002) with a steering group under a neutral chair meeting quarterly, an
operational steering group of the action-group leaders meeting monthly, and
action groups with a leader and co-leader working on SMART goals with KPIs; the theme group is one of
the policy plan's (001), with a chair and an annual plan.
The people are fictional. Terms, meetings and measurements are dated from the
day the command first runs; running it again adds only what is missing.
"""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Locale

from committee.models import (
    KPI,
    ActionDomain,
    ActionItem,
    ActionStatus,
    Cadence,
    CommitteeIndexPage,
    CommitteeKind,
    CommitteePage,
    CurriculumAction,
    Decision,
    Measurement,
    Meeting,
    MeetingKind,
    Membership,
    Person,
    Role,
    SeatCategory,
    StateOfTheFieldPage,
    VacancyPage,
)
from home.management.commands.load_demo_content import bullets, default_site
from home.models import Competency, Organisation, StakeholderGroup

G = StakeholderGroup
ACADEMIA, SOCIETAL, INDUSTRY = SeatCategory.ACADEMIA, SeatCategory.SOCIETAL_PARTNER, SeatCategory.INDUSTRY
MINUTES_COLLECTION = "Notulen (besloten)"
FIELD_COMMITTEE = "field-committee"

MEMBER = {
    "username": "member",
    "password": "nmep-demo-member",
    "email": "member@example.org",
    "person": "de-graaf",
}
# The field committee's secretary, who also reads the applications for its open seat.
SECRETARY = {
    "username": "secretary",
    "password": "nmep-demo-secretary",
    "email": "secretary@example.org",
    "person": "jacobs",
}


def html(*parts):
    """Rich text: plain strings become paragraphs, markup is kept as written."""
    return "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)


def seat(person, role, category, group, started, ends=None):
    """A membership that started ``started`` days ago and ends ``ends`` days from today (None: open)."""
    return {
        "person": person,
        "role": role,
        "seat_category": category,
        "stakeholder_group": group,
        "started": started,
        "ends": ends,
    }


def indicator(name, unit, baseline, target, years, *measurements):
    """A KPI towards ``target`` by the end of the year ``years`` ahead; measurements as (days ago, value)."""
    return {
        "name": name,
        "unit": unit,
        "baseline": Decimal(baseline),
        "target": Decimal(target),
        "years": years,
        "measurements": [(days, Decimal(value)) for days, value in measurements],
    }


def meeting(kind, days, hour, hours, location, agenda, **extra):
    """A meeting ``days`` from today (negative: past) at ``hour``; extra: online_url, decisions as
    (text, public), actions as (description, owner, due in days, status), minutes (a summary)."""
    return {
        "kind": kind,
        "days": days,
        "hour": hour,
        "hours": hours,
        "location": location,
        "agenda": agenda,
        **extra,
    }


# People. Titles and biographies are in Dutch: a person is kept once, not per language.

PEOPLE = {
    "hoekstra": (
        "prof. dr. Ingrid Hoekstra",
        "Hoogleraar nucleaire geneeskunde",
        "Radboudumc",
        "Nucleair geneeskundige met een onderzoekslijn in radionuclidetherapie bij neuro-endocriene "
        "tumoren. Programmadirecteur van de klinische kant van het Nuclear Medicine Education Program.",
    ),
    "jacobs": (
        "ir. Sanne Jacobs",
        "Programmacoördinator Nuclear Medicine Education Program",
        "TU Delft",
        "Coördineert het programma, de actiegroepen en de voortgangsrapportage; secretaris van de "
        "veldcommissie en de stuurgroep.",
    ),
    "de-graaf": (
        "dr. Femke de Graaf",
        "Klinisch fysicus",
        "Radboudumc",
        "Klinisch fysicus met aandacht voor kwantitatieve SPECT en dosimetrie bij radionuclidetherapie.",
    ),
    "el-amrani": (
        "prof. dr. Ahmed El Amrani",
        "Programmaleider",
        "DECISIVE consortium",
        "Leidt binnen DECISIVE het werkpakket dat academische partners, maatschappelijke organisaties en "
        "industrie verbindt.",
    ),
    "smits": (
        "dr. ir. Pieter Smits",
        "Universitair hoofddocent radiochemie",
        "TU Delft",
        "Onderzoekt nieuwe productieroutes voor medische isotopen en leidt het onderwijs in radiochemie.",
    ),
    "visser": (
        "drs. Marleen Visser",
        "Beleidsmedewerker",
        "Nederlandse Vereniging voor Nucleaire Geneeskunde (NVNG)",
        "Beleidsmedewerker van de NVNG voor kwaliteit, registratie en de landelijke registers.",
    ),
    "mulder": (
        "dr. Karin Mulder",
        "Nucleair geneeskundige",
        "Rijnstate",
        "Nucleair geneeskundige in een topklinisch ziekenhuis en opleider voor de differentiatie nucleaire "
        "geneeskunde.",
    ),
    "willemsen": (
        "Hans Willemsen",
        "Patiëntvertegenwoordiger",
        "Nederlandse Federatie van Kankerpatiëntenorganisaties (NFK)",
        "Ervaringsdeskundige na behandeling met [177Lu]Lu-PSMA; brengt het perspectief van patiënten in.",
    ),
    "van-dam": (
        "mr. Joost van Dam",
        "Senior beleidsmedewerker medische isotopen",
        "Ministerie van Volksgezondheid, Welzijn en Sport (VWS)",
        "Werkt aan de leveringszekerheid van medische isotopen en de roadmap nucleaire geneeskunde.",
    ),
    "bosman": (
        "ir. Laura Bosman",
        "Manager opleidingen en kwaliteit",
        "PALLAS",
        "Verantwoordelijk voor het opleiden van operators en kwaliteitsmedewerkers in de isotopenproductie.",
    ),
    "kuipers": (
        "dr. Thomas Kuipers",
        "Medical affairs lead radioligandtherapie",
        "Novartis",
        "Begeleidt de introductie van radioligandtherapie in Nederlandse ziekenhuizen.",
    ),
    "hendriks": (
        "ing. Rob Hendriks",
        "Productiemanager medische isotopen",
        "SHINE",
        "Leidt de productie van medische isotopen en de samenwerking met ziekenhuizen over planning.",
    ),
    "brouwer": (
        "dr. Eva Brouwer",
        "Directeur radiofarmaceutische ontwikkeling",
        "",
        "Was tot vorig jaar lid van de veldcommissie namens de radiofarmaceutische industrie.",
    ),
    "prins": (
        "drs. Willem Prins",
        "Onafhankelijk voorzitter",
        "",
        "Oud-bestuursvoorzitter van een topklinisch ziekenhuis; zit de stuurgroep onafhankelijk voor.",
    ),
    "verbeek": (
        "dr. Anouk Verbeek",
        "Programmamanager translationeel onderzoek",
        "Oncode Institute",
        "Brengt onderzoek naar nieuwe radiofarmaca van het lab naar de eerste klinische studies.",
    ),
    "de-jong": (
        "Esther de Jong",
        "Beleidsadviseur",
        "Patiëntenfederatie Nederland",
        "Beleidsadviseur toegang tot zorg en innovatie.",
    ),
    "claes": (
        "dr. Maarten Claes",
        "Ziekenhuisapotheker",
        "Radboudumc",
        "Ziekenhuisapotheker, verantwoordelijk voor de radiofarmacie en de bereiding van therapieën.",
    ),
    "kok": (
        "Lotte Kok",
        "Opleidingscoördinator MBRT",
        "Rijnstate",
        "Coördineert de opleiding en bijscholing van medisch beeldvormings- en radiotherapeutisch "
        "laboranten.",
    ),
}


# The committee index.

INDEX = {
    "nl": {
        "title": "Commissies",
        "slug": "commissies",
        "introduction": "Het veld stuurt het programma: in de veldcommissie, de stuurgroepen en de "
        "actiegroepen werken academie, maatschappelijke partners en industrie samen. Hier leest u hun "
        "opdracht, wie erin zitten, hoe ver ze zijn met hun doelen, en welke zetels openstaan.",
    },
    "en": {
        "title": "Committees",
        "slug": "committees",
        "introduction": "The field steers the programme: in the field committee, the steering groups and the "
        "action groups, academia, societal partners and industry work together. Read their assignment, who "
        "sits on them, how far they are with their goals, and which seats are open.",
    },
}


# The committees. Minutes are summaries: the members' area holds the document.

FIELD = {
    "key": FIELD_COMMITTEE,
    "fields": {"kind": CommitteeKind.FIELD_COMMITTEE, "cadence": Cadence.QUARTERLY},
    "nl": {
        "title": "Veldcommissie",
        "slug": "veldcommissie",
        "summary": "De veldcommissie verbindt academie, maatschappelijke partners en industrie. Zij stelt de "
        "prioriteiten van het Nuclear Medicine Education Program en bewaakt dat het "
        "leven-lang-lerenprogramma aansluit op wat het veld nodig heeft.",
        "assignment": html(
            "<b>Doel.</b> Het Nuclear Medicine Education Program duurzaam richting geven op basis van de "
            "prioriteiten die het veld zelf stelt. De commissie vertegenwoordigt de volle breedte van de "
            "nucleaire geneeskunde: academie, maatschappelijke partners en industrie.",
            "<b>Taken.</b>",
            bullets(
                "de uitkomsten van de gap-analyse vertalen naar prioriteiten voor het LLO-programma;",
                "het aanbod op het leerplatform toetsen aan de behoeften van het veld;",
                "adviseren over accreditatie en (her)registratie van professionals;",
                "de stakeholdergemeenschap betrekken en jaarlijks aan het veld rapporteren.",
            ),
            "<b>Samenstelling.</b> Negen tot twaalf leden, met zetels voor academie, maatschappelijke "
            "partners en industrie. Een zittingstermijn duurt drie jaar en kan eenmaal worden verlengd. "
            "Vrijgekomen zetels maken we op deze website bekend.",
        ),
        "annual_plan": bullets(
            "De tweede ronde van de gap-analyse uitzetten en de uitkomsten met het veld bespreken.",
            "Drie nieuwe e-learningmodules laten accrediteren, waaronder [177Lu]Lu-PSMA-therapie.",
            "Een ronde tafel organiseren over het tekort aan nucleair geneeskundigen en klinisch fysici.",
            "De vrijkomende industriezetel openbaar werven en vóór het einde van de termijn invullen.",
        ),
        "annual_report": html(
            "De veldcommissie vergaderde vier keer. Zij stelde de prioriteiten van het LLO-programma vast: "
            "stralingsbescherming, radionuclidetherapie en kwantitatieve beeldvorming. De eerste drie "
            "geaccrediteerde modules staan op het leerplatform; ruim tweehonderd professionals rondden er "
            "een af. De eerste ronde van de gap-analyse leverde bijna vierhonderd antwoorden op.",
        ),
    },
    "en": {
        "title": "Field committee",
        "slug": "field-committee",
        "summary": "The field committee brings together academia, societal partners and industry. It sets "
        "the priorities of the Nuclear Medicine Education Program and makes sure the lifelong learning "
        "programme meets what the field needs.",
        "assignment": html(
            "<b>Goal.</b> To give the Nuclear Medicine Education Program a lasting direction based on the "
            "priorities the field sets itself. The committee represents the full breadth of nuclear "
            "medicine: academia, societal partners and industry.",
            "<b>Tasks.</b>",
            bullets(
                "translate the outcomes of the gap analysis into priorities for the lifelong learning "
                "programme;",
                "test what the learning platform offers against the needs of the field;",
                "advise on accreditation and (re-)registration of professionals;",
                "involve the stakeholder community and report to the field every year.",
            ),
            "<b>Composition.</b> Nine to twelve members, with seats for academia, societal partners and "
            "industry. A term lasts three years and can be renewed once. We announce vacant seats on this "
            "website.",
        ),
        "annual_plan": bullets(
            "Run the second round of the gap analysis and discuss the outcomes with the field.",
            "Have three new e-learning modules accredited, including [177Lu]Lu-PSMA therapy.",
            "Organise a round table on the shortage of nuclear medicine physicians and clinical physicists.",
            "Recruit openly for the industry seat that becomes vacant and fill it before the term ends.",
        ),
        "annual_report": html(
            "The field committee met four times. It set the priorities of the lifelong learning programme: "
            "radiation protection, radionuclide therapy and quantitative imaging. The first three accredited "
            "modules are on the learning platform; over two hundred professionals completed one. The first "
            "round of the gap analysis drew almost four hundred responses.",
        ),
    },
    "members": [
        seat("hoekstra", Role.CHAIR, ACADEMIA, G.RESEARCH, started=540, ends=555),
        seat("mulder", Role.VICE_CHAIR, SOCIETAL, G.CARE_PROVIDER, started=540, ends=555),
        seat("jacobs", Role.SECRETARY, ACADEMIA, G.EDUCATION, started=540),
        seat("de-graaf", Role.MEMBER, ACADEMIA, G.CARE_PROVIDER, started=540, ends=555),
        seat("el-amrani", Role.MEMBER, ACADEMIA, G.RESEARCH, started=540, ends=555),
        seat("visser", Role.MEMBER, SOCIETAL, G.CARE_PROVIDER, started=540, ends=555),
        seat("willemsen", Role.MEMBER, SOCIETAL, G.PATIENT_ORGANISATION, started=540, ends=555),
        seat("van-dam", Role.MEMBER, SOCIETAL, G.GOVERNMENT, started=400, ends=695),
        seat("bosman", Role.MEMBER, INDUSTRY, G.ISOTOPE_PRODUCTION, started=540, ends=555),
        seat("kuipers", Role.MEMBER, INDUSTRY, G.COMPANY, started=200, ends=895),
        # His term ends within three months: the admin warns, and the seat is open on the site.
        seat("hendriks", Role.MEMBER, INDUSTRY, G.ISOTOPE_PRODUCTION, started=1035, ends=60),
        seat("brouwer", Role.MEMBER, INDUSTRY, G.COMPANY, started=1100, ends=-200),
    ],
    "kpis": [],
    "meetings": [
        meeting(
            MeetingKind.COMMITTEE,
            -150,
            14,
            2.5,
            "Radboudumc, Geert Grooteplein Zuid 10, Nijmegen",
            bullets(
                "Opening en vaststellen van de agenda",
                "Resultaten van de eerste ronde van de gap-analyse",
                "Leerplatform: voorstel voor drie nieuwe modules",
                "Rondvraag en sluiting",
            ),
            online_url="https://meet.example.org/veldcommissie",
            decisions=[
                (
                    "De veldcommissie stelt de prioriteiten van het LLO-programma vast: "
                    "stralingsbescherming, radionuclidetherapie en kwantitatieve beeldvorming.",
                    True,
                ),
                ("Het ontwikkelbudget voor modules wordt verdeeld: 60% klinisch, 40% technisch.", False),
            ],
            actions=[
                (
                    "Accreditatie van de drie nieuwe modules aanvragen",
                    "jacobs",
                    -100,
                    ActionStatus.DONE,
                ),
                (
                    "De vragenlijst van de gap-analyse aanvullen met vragen voor de radiofarmaceutische "
                    "industrie",
                    "kuipers",
                    -110,
                    ActionStatus.DONE,
                ),
            ],
        ),
        meeting(
            MeetingKind.COMMITTEE,
            -60,
            14,
            2.5,
            "TU Delft, Reactor Instituut Delft, Mekelweg 15, Delft",
            bullets(
                "Opening en notulen van de vorige vergadering",
                "Voortgang leerplatform en de eerste certificaten",
                "Vrijkomende industriezetel: profiel en werving",
                "Voorbereiding ronde tafel over het tekort aan professionals",
                "Rondvraag en sluiting",
            ),
            online_url="https://meet.example.org/veldcommissie",
            decisions=[
                ("De vacature voor de industriezetel wordt op de website gepubliceerd.", True),
                (
                    "De veldcommissie organiseert een ronde tafel over het tekort aan nucleair "
                    "geneeskundigen en klinisch fysici.",
                    True,
                ),
                ("Kandidaten voor de industriezetel worden in een besloten sessie besproken.", False),
            ],
            actions=[
                ("Het concept-jaarverslag aan de leden rondsturen", "jacobs", -14, ActionStatus.OPEN),
                ("Het profiel voor de industriezetel opstellen", "hendriks", -30, ActionStatus.DONE),
                (
                    "Sprekers en deelnemers voor de ronde tafel uitnodigen",
                    "mulder",
                    30,
                    ActionStatus.IN_PROGRESS,
                ),
            ],
            minutes="De voorzitter opent de vergadering en heet de leden welkom. De notulen van de vorige "
            "vergadering worden ongewijzigd vastgesteld. De programmacoördinator meldt dat de eerste "
            "certificaten zijn uitgereikt. De termijn van de heer Hendriks loopt binnenkort af; de commissie "
            "dankt hem voor zijn inzet en bespreekt het profiel voor zijn opvolger.",
        ),
        meeting(
            MeetingKind.COMMITTEE,
            30,
            14,
            2.5,
            "Radboudumc, Geert Grooteplein Zuid 10, Nijmegen",
            bullets(
                "Opening en notulen van de vorige vergadering",
                "Kandidaten voor de industriezetel (besloten)",
                "Uitkomsten van de tweede ronde van de gap-analyse",
                "Jaarplan voor volgend jaar",
            ),
            online_url="https://meet.example.org/veldcommissie",
        ),
        meeting(
            MeetingKind.COMMITTEE,
            120,
            14,
            2.5,
            "TU Delft, Reactor Instituut Delft, Mekelweg 15, Delft",
            bullets("Opening", "Jaarverslag en evaluatie van het LLO-programma", "Rondvraag en sluiting"),
            online_url="https://meet.example.org/veldcommissie",
        ),
    ],
}

STEERING = {
    "key": "steering-group",
    "fields": {"kind": CommitteeKind.STEERING_GROUP, "cadence": Cadence.QUARTERLY},
    "nl": {
        "title": "Stuurgroep",
        "slug": "stuurgroep",
        "summary": "De stuurgroep houdt overzicht over de doelstellingen en de richting van het actieplan "
        "voor nucleaire geneeskunde. Alle stakeholdergroepen zijn vertegenwoordigd, onder een neutrale "
        "voorzitter; zij vergadert elk kwartaal.",
        "assignment": html(
            "<b>Doel.</b> Overzicht houden over de doelstellingen en de richting van het "
            "implementatie-initiatief, en de balans tussen de belangen van alle stakeholders bewaken.",
            "<b>Taken.</b>",
            bullets(
                "de gezamenlijke visie en de SMART-doelstellingen met KPI's op een tijdslijn vaststellen;",
                "actiegroepen instellen en hun actiecharters goedkeuren;",
                "de voortgang op de KPI's elk kwartaal volgen en bijsturen;",
                "het actieplan afstemmen met het Belgische actieplan en andere internationale partners.",
            ),
            "<b>Samenstelling.</b> Een evenwichtige vertegenwoordiging van overheden, zorgverleners, "
            "onderzoekers, isotopenproductie, patiëntenorganisaties en bedrijven, voorgezeten door een "
            "neutrale voorzitter. Elk kwartaal (virtueel) overleg.",
        ),
        "annual_plan": bullets(
            "De KPI's van de actiegroepen elk kwartaal bespreken en de voortgang delen met het veld.",
            "Een tweede ronde tafel organiseren over rollen en verantwoordelijkheden in het actieplan.",
            "De strategische afstemming met België verkennen.",
        ),
    },
    "en": {
        "title": "Steering group",
        "slug": "steering-group",
        "summary": "The steering group keeps an overview of the goals and the direction of the action plan "
        "for nuclear medicine. Every stakeholder group is represented, under a neutral chair; it meets every "
        "quarter.",
        "assignment": html(
            "<b>Goal.</b> To keep an overview of the goals and the direction of the implementation "
            "initiative, and to guard the balance between the interests of all stakeholders.",
            "<b>Tasks.</b>",
            bullets(
                "set the shared vision and the SMART goals with KPIs on a timeline;",
                "set up action groups and approve their action charters;",
                "follow progress on the KPIs every quarter and adjust course;",
                "align the action plan with the Belgian action plan and other international partners.",
            ),
            "<b>Composition.</b> A balanced representation of governments, care providers, researchers, "
            "isotope production, patient organisations and companies, chaired by a neutral chair. It meets "
            "(online) every quarter.",
        ),
        "annual_plan": bullets(
            "Discuss the action groups' KPIs every quarter and share the progress with the field.",
            "Organise a second round table on roles and responsibilities in the action plan.",
            "Explore strategic alignment with Belgium.",
        ),
    },
    "members": [
        seat("prins", Role.CHAIR, SOCIETAL, G.CARE_PROVIDER, started=300, ends=430),
        seat("jacobs", Role.SECRETARY, ACADEMIA, G.EDUCATION, started=300),
        seat("van-dam", Role.MEMBER, SOCIETAL, G.GOVERNMENT, started=300, ends=430),
        seat("hoekstra", Role.MEMBER, ACADEMIA, G.CARE_PROVIDER, started=300, ends=430),
        seat("verbeek", Role.MEMBER, ACADEMIA, G.RESEARCH, started=300, ends=430),
        seat("bosman", Role.MEMBER, INDUSTRY, G.ISOTOPE_PRODUCTION, started=300, ends=430),
        seat("de-jong", Role.MEMBER, SOCIETAL, G.PATIENT_ORGANISATION, started=300, ends=430),
        seat("kuipers", Role.MEMBER, INDUSTRY, G.COMPANY, started=300, ends=430),
    ],
    "kpis": [],
    "meetings": [
        meeting(
            MeetingKind.QUARTERLY_STEERING,
            -100,
            10,
            1.5,
            "Online",
            bullets(
                "KPI's van de actiegroepen vaststellen",
                "Start van de actiegroepen en hun actiecharters",
                "Afstemming met het Belgische actieplan",
            ),
            online_url="https://meet.example.org/stuurgroep",
            decisions=[
                ("De stuurgroep stelt de KPI's van de drie actiegroepen vast.", True),
                (
                    "De actiegroepen Opleiding en arbeidsmarkt, Isotopenvoorziening en Data en registratie "
                    "gaan van start.",
                    True,
                ),
                ("Het financieringsvoorstel voor de projectcoördinatie gaat terug naar de partners.", False),
            ],
            actions=[
                (
                    "Een verkennend gesprek met de Belgische stuurgroep plannen",
                    "prins",
                    -40,
                    ActionStatus.OPEN,
                ),
                ("De actiecharters ter goedkeuring rondsturen", "jacobs", -70, ActionStatus.DONE),
            ],
        ),
        meeting(
            MeetingKind.QUARTERLY_STEERING,
            -10,
            10,
            1.5,
            "Online",
            bullets("Voortgang op de KPI's", "Quick wins van de actiegroepen", "Voorbereiding ronde tafel 2"),
            online_url="https://meet.example.org/stuurgroep",
            decisions=[("De eerste quick wins worden in de nieuwsbrief gedeeld.", True)],
            actions=[
                (
                    "De voortgangsrapportage over de KPI's delen met de stakeholdergemeenschap",
                    "jacobs",
                    20,
                    ActionStatus.IN_PROGRESS,
                ),
            ],
        ),
        meeting(
            MeetingKind.QUARTERLY_STEERING,
            80,
            10,
            1.5,
            "Online",
            bullets("Voortgang op de KPI's", "Uitkomsten van ronde tafel 2", "Jaarplan voor volgend jaar"),
            online_url="https://meet.example.org/stuurgroep",
        ),
    ],
}

OPERATIONAL = {
    "key": "operational-steering-group",
    "fields": {"kind": CommitteeKind.OPERATIONAL_STEERING_GROUP, "cadence": Cadence.MONTHLY},
    "nl": {
        "title": "Operationele stuurgroep",
        "slug": "operationele-stuurgroep",
        "summary": "De leiders van de actiegroepen bespreken elke maand de stand van de acties en hoe die "
        "van elkaar afhangen, zodat er geen overlap of gaten ontstaan.",
        "assignment": html(
            "<b>Doel.</b> De actiestatus en de onderlinge afhankelijkheden tussen de actiegroepen bespreken "
            "om overlappingen en hiaten te voorkomen.",
            "<b>Samenstelling.</b> De leiders van de actiegroepen, met de projectcoördinatie als voorzitter "
            "en ondersteuning. Maandelijks (virtueel) overleg; rapporteert aan de stuurgroep.",
        ),
        "annual_plan": bullets(
            "Elke maand de actielijsten van de actiegroepen naast elkaar leggen.",
            "Elk kwartaal een voortgangsrapportage over de KPI's voor de stuurgroep opstellen.",
        ),
    },
    "en": {
        "title": "Operational steering group",
        "slug": "operational-steering-group",
        "summary": "Every month the action-group leaders discuss where the actions stand and how they depend "
        "on each other, so that nothing overlaps and nothing falls between the cracks.",
        "assignment": html(
            "<b>Goal.</b> To discuss the status of the actions and the dependencies between the action "
            "groups, to prevent overlaps and gaps.",
            "<b>Composition.</b> The leaders of the action groups, chaired and supported by the project "
            "coordination. It meets (online) every month and reports to the steering group.",
        ),
        "annual_plan": bullets(
            "Put the action groups' action lists side by side every month.",
            "Write a progress report on the KPIs for the steering group every quarter.",
        ),
    },
    "members": [
        seat("jacobs", Role.CHAIR, ACADEMIA, G.EDUCATION, started=280),
        seat("smits", Role.MEMBER, ACADEMIA, G.EDUCATION, started=280),
        seat("bosman", Role.MEMBER, INDUSTRY, G.ISOTOPE_PRODUCTION, started=280),
        seat("visser", Role.MEMBER, SOCIETAL, G.CARE_PROVIDER, started=280),
    ],
    "kpis": [],
    "meetings": [
        meeting(
            MeetingKind.MONTHLY_OPERATIONAL,
            -25,
            16,
            1,
            "Online",
            bullets("Actielijsten per actiegroep", "Afhankelijkheden: opleiding en isotopenvoorziening"),
            online_url="https://meet.example.org/operationele-stuurgroep",
        ),
        meeting(
            MeetingKind.MONTHLY_OPERATIONAL,
            5,
            16,
            1,
            "Online",
            bullets("Actielijsten per actiegroep", "Voortgangsrapportage voor de stuurgroep"),
            online_url="https://meet.example.org/operationele-stuurgroep",
        ),
        meeting(
            MeetingKind.MONTHLY_OPERATIONAL,
            33,
            16,
            1,
            "Online",
            bullets("Actielijsten per actiegroep"),
            online_url="https://meet.example.org/operationele-stuurgroep",
        ),
    ],
}


EDUCATION = {
    "key": "education",
    "fields": {
        "kind": CommitteeKind.ACTION_GROUP,
        "domain": ActionDomain.NEEDS,
        "cadence": Cadence.MONTHLY,
    },
    "nl": {
        "title": "Actiegroep Opleiding en arbeidsmarkt",
        "slug": "opleiding-en-arbeidsmarkt",
        "summary": "Het tekort aan gekwalificeerde professionals is een kritieke belemmering. Deze "
        "actiegroep werkt aan geharmoniseerde opleidingen, bijscholing en betere loopbaanperspectieven.",
        "assignment": html(
            "<b>Doel.</b> Genoeg gekwalificeerde professionals voor de groeiende nucleaire geneeskunde: "
            "nucleair geneeskundigen, klinisch fysici, ziekenhuisapothekers, radiochemici en laboranten.",
            "<b>Scope.</b> Opleidingsplaatsen, geaccrediteerde bijscholing op het leerplatform, "
            "carrièreperspectieven en instroom. Niet: de inhoud van de medische vervolgopleidingen zelf; "
            "daarover gaan de wetenschappelijke verenigingen.",
            "<b>Werkwijze.</b> Geleid door een actiegroepleider en co-leider, minimaal maandelijks overleg, "
            "op basis van dit actiecharter. De actiegroep rapporteert aan de operationele stuurgroep.",
        ),
        "annual_plan": bullets(
            "De uitkomsten van de gap-analyse vertalen naar vijf nieuwe modules.",
            "Met de opleidingsziekenhuizen de behoefte aan opleidingsplaatsen tot 2030 ramen.",
            "Een campagne voor instroom van laboranten en radiochemici voorbereiden.",
        ),
    },
    "en": {
        "title": "Action group Education and labour market",
        "slug": "education-and-labour-market",
        "summary": "The shortage of qualified professionals is a critical bottleneck. This action group "
        "works on harmonised training, continuing education and better career prospects.",
        "assignment": html(
            "<b>Goal.</b> Enough qualified professionals for growing nuclear medicine: nuclear medicine "
            "physicians, clinical physicists, hospital pharmacists, radiochemists and technologists.",
            "<b>Scope.</b> Training posts, accredited continuing education on the learning platform, career "
            "prospects and intake. Not: the content of the medical specialist training itself; that belongs "
            "to the scientific societies.",
            "<b>Way of working.</b> Led by an action-group leader and co-leader, meeting at least monthly, "
            "on the basis of this action charter. The group reports to the operational steering group.",
        ),
        "annual_plan": bullets(
            "Translate the outcomes of the gap analysis into five new modules.",
            "Estimate the need for training posts up to 2030 with the training hospitals.",
            "Prepare a campaign to attract technologists and radiochemists.",
        ),
    },
    "members": [
        seat("smits", Role.LEADER, ACADEMIA, G.EDUCATION, started=280),
        seat("mulder", Role.CO_LEADER, SOCIETAL, G.CARE_PROVIDER, started=280),
        seat("kok", Role.MEMBER, SOCIETAL, G.CARE_PROVIDER, started=280),
        seat("de-graaf", Role.MEMBER, ACADEMIA, G.CARE_PROVIDER, started=280),
    ],
    "kpis": [
        indicator(
            "Professionals met een afgeronde geaccrediteerde module",
            "professionals",
            "0",
            "400",
            1,
            (270, "35"),
            (180, "96"),
            (90, "168"),
            (10, "231"),
        ),
        indicator(
            "Opleidingsplaatsen differentiatie nucleaire geneeskunde per jaar",
            "plaatsen",
            "22",
            "30",
            2,
            (240, "22"),
            (30, "25"),
        ),
    ],
    "meetings": [
        meeting(
            MeetingKind.ACTION_GROUP,
            12,
            15,
            1.5,
            "Online",
            bullets("Gap-analyse: welke modules eerst?", "Raming opleidingsplaatsen"),
            online_url="https://meet.example.org/opleiding",
        ),
    ],
}

ISOTOPES = {
    "key": "isotopes",
    "fields": {
        "kind": CommitteeKind.ACTION_GROUP,
        "domain": ActionDomain.SERVICES,
        "cadence": Cadence.MONTHLY,
    },
    "nl": {
        "title": "Actiegroep Isotopenvoorziening",
        "slug": "isotopenvoorziening",
        "summary": "Een robuuste productie en distributie van medische isotopen, met centrale planning van "
        "vraag en aanbod, zodat alle patiënten gelijke toegang hebben tot diagnostiek en therapie.",
        "assignment": html(
            "<b>Doel.</b> De levering van medische isotopen en radiofarmaca aan ziekenhuizen garanderen, nu "
            "de vraag naar radionuclidetherapie snel groeit.",
            "<b>Scope.</b> Centrale planning op korte termijn en beheer van vraag en aanbod; afstemming "
            "tussen producenten (PALLAS, SHINE), radiofarmacieën en ziekenhuizen; de lange-termijnplanning "
            "(horizon scanning). Niet: de vergunningverlening zelf.",
            "<b>Werkwijze.</b> Geleid door een actiegroepleider en co-leider, minimaal maandelijks overleg, "
            "op basis van dit actiecharter. De actiegroep rapporteert aan de operationele stuurgroep.",
        ),
        "annual_plan": bullets(
            "Alle ziekenhuizen die 177Lu-therapie geven aansluiten op de centrale planning.",
            "Een draaiboek opstellen voor het opvangen van een onverwachte productiestop.",
        ),
    },
    "en": {
        "title": "Action group Isotope supply",
        "slug": "isotope-supply",
        "summary": "Robust production and distribution of medical isotopes, with central planning of supply "
        "and demand, so that every patient has equal access to diagnostics and therapy.",
        "assignment": html(
            "<b>Goal.</b> To secure the supply of medical isotopes and radiopharmaceuticals to hospitals, "
            "now that the demand for radionuclide therapy grows fast.",
            "<b>Scope.</b> Short-term central planning and management of supply and demand; coordination "
            "between producers (PALLAS, SHINE), radiopharmacies and hospitals; long-term planning (horizon "
            "scanning). Not: licensing itself.",
            "<b>Way of working.</b> Led by an action-group leader and co-leader, meeting at least monthly, "
            "on the basis of this action charter. The group reports to the operational steering group.",
        ),
        "annual_plan": bullets(
            "Connect every hospital giving 177Lu therapy to the central planning.",
            "Write a playbook for handling an unexpected production stop.",
        ),
    },
    "members": [
        seat("bosman", Role.LEADER, INDUSTRY, G.ISOTOPE_PRODUCTION, started=280),
        seat("claes", Role.CO_LEADER, ACADEMIA, G.CARE_PROVIDER, started=280),
        seat("hendriks", Role.MEMBER, INDUSTRY, G.ISOTOPE_PRODUCTION, started=280),
        seat("van-dam", Role.MEMBER, SOCIETAL, G.GOVERNMENT, started=280),
    ],
    "kpis": [
        indicator(
            "Leveringen van 177Lu op de geplande dag",
            "%",
            "91",
            "99",
            1,
            (270, "91.5"),
            (180, "93.2"),
            (90, "94.8"),
            (5, "96.1"),
        ),
        indicator(
            "Ziekenhuizen aangesloten op de centrale planning",
            "ziekenhuizen",
            "4",
            "20",
            2,
            (200, "6"),
            (100, "9"),
            (15, "13"),
        ),
    ],
    "meetings": [
        meeting(
            MeetingKind.ACTION_GROUP,
            14,
            11,
            1.5,
            "PALLAS, Westerduinweg 3, Petten",
            bullets("Stand van de centrale planning", "Draaiboek productiestop: eerste opzet"),
            online_url="https://meet.example.org/isotopen",
        ),
    ],
}

DATA = {
    "key": "data",
    "fields": {
        "kind": CommitteeKind.ACTION_GROUP,
        "domain": ActionDomain.INFORMATION,
        "cadence": Cadence.MONTHLY,
    },
    "nl": {
        "title": "Actiegroep Data en registratie",
        "slug": "data-en-registratie",
        "summary": "Gegevensverzameling, registers en hergebruik van real-world data voor onderzoek, "
        "bewijs en beleid: gebundeld en sneller vertaald naar de medische praktijk.",
        "assignment": html(
            "<b>Doel.</b> Interoperabele registers van goede kwaliteit voor nucleaire diagnostiek en "
            "therapie, zodat data sneller bijdragen aan onderzoek, vergoedingsbesluiten en beleid.",
            "<b>Scope.</b> Een landelijk register voor radionuclidetherapie, afspraken over datadefinities "
            "en toegang, en aansluiting bij de European Health Data Space. Niet: het bouwen van nieuwe "
            "ziekenhuissystemen.",
            "<b>Werkwijze.</b> Geleid door een actiegroepleider en co-leider, minimaal maandelijks overleg, "
            "op basis van dit actiecharter. De actiegroep rapporteert aan de operationele stuurgroep.",
        ),
        "annual_plan": bullets(
            "Een minimale dataset voor radionuclidetherapie vaststellen met de NVNG.",
            "De doorlooptijd van data-aanvragen halveren met een vast aanvraagformulier en een "
            "datacommissie.",
        ),
    },
    "en": {
        "title": "Action group Data and registries",
        "slug": "data-and-registries",
        "summary": "Data collection, registries and re-use of real-world data for research, evidence and "
        "policy: pooled, and translated faster into medical practice.",
        "assignment": html(
            "<b>Goal.</b> Interoperable, good-quality registries for nuclear diagnostics and therapy, so "
            "that data contribute faster to research, reimbursement decisions and policy.",
            "<b>Scope.</b> A national registry for radionuclide therapy, agreements on data definitions and "
            "access, and alignment with the European Health Data Space. Not: building new hospital systems.",
            "<b>Way of working.</b> Led by an action-group leader and co-leader, meeting at least monthly, "
            "on the basis of this action charter. The group reports to the operational steering group.",
        ),
        "annual_plan": bullets(
            "Agree a minimal data set for radionuclide therapy with the NVNG.",
            "Halve the lead time of data requests with a standard request form and a data committee.",
        ),
    },
    "members": [
        seat("visser", Role.LEADER, SOCIETAL, G.CARE_PROVIDER, started=280),
        seat("el-amrani", Role.CO_LEADER, ACADEMIA, G.RESEARCH, started=280),
        seat("de-graaf", Role.MEMBER, ACADEMIA, G.CARE_PROVIDER, started=280),
        seat("willemsen", Role.MEMBER, SOCIETAL, G.PATIENT_ORGANISATION, started=280),
    ],
    "kpis": [
        # Lower is better: the target lies below the baseline.
        indicator(
            "Doorlooptijd van een data-aanvraag bij het register (dagen)",
            "dagen",
            "120",
            "60",
            1,
            (240, "118"),
            (150, "104"),
            (60, "91"),
            (7, "84"),
        ),
        indicator(
            "Centra die radionuclidetherapie in het landelijk register vastleggen",
            "centra",
            "6",
            "20",
            2,
            (200, "7"),
            (90, "10"),
            (20, "12"),
        ),
    ],
    "meetings": [
        meeting(
            MeetingKind.ACTION_GROUP,
            19,
            13,
            1.5,
            "Online",
            bullets("Minimale dataset radionuclidetherapie", "Aanvraagformulier voor data"),
            online_url="https://meet.example.org/data",
        ),
    ],
}

DOSIMETRY = {
    "key": "dosimetry",
    "fields": {"kind": CommitteeKind.THEME_GROUP, "cadence": Cadence.TWICE_A_YEAR},
    "nl": {
        "title": "Themagroep Dosimetrie",
        "slug": "dosimetrie",
        "summary": "Klinisch fysici, nucleair geneeskundigen en radiofarmaceuten die kennis over dosimetrie "
        "bij radionuclidetherapie delen en er scholing voor vragen.",
        "assignment": html(
            "<b>Doel.</b> Dosimetrie bij radionuclidetherapie in elk centrum op hetzelfde niveau, zodat de "
            "dosis per patiënt kan worden gepland en nagegaan.",
            "<b>Scope.</b> Een gedeeld protocol voor kwantitatieve SPECT na [177Lu]Lu-therapie, intervisie "
            "tussen centra en de vraag aan het programma welke scholing ervoor nodig is. Niet: "
            "richtlijnen; die stelt de NVNG vast.",
            "<b>Werkwijze.</b> Een themagroep van de vereniging met een voorzitter, twee keer per jaar "
            "bijeen, met een jaarplan en een verslag aan de leden.",
        ),
        "annual_plan": bullets(
            "Het protocol voor kwantitatieve SPECT in drie centra vergelijken met een fantoommeting.",
            "Aan de actiegroep Opleiding en arbeidsmarkt doorgeven welke module over dosimetrie ontbreekt.",
        ),
    },
    "en": {
        "title": "Theme group Dosimetry",
        "slug": "dosimetry",
        "summary": "Clinical physicists, nuclear medicine physicians and radiopharmacists who share what "
        "they know of dosimetry in radionuclide therapy and ask for the training it needs.",
        "assignment": html(
            "<b>Goal.</b> Dosimetry in radionuclide therapy at the same level in every centre, so that the "
            "dose for each patient can be planned and checked.",
            "<b>Scope.</b> A shared protocol for quantitative SPECT after [177Lu]Lu therapy, peer review "
            "between centres, and telling the programme which training it needs. Not: guidelines; the NVNG "
            "sets those.",
            "<b>Way of working.</b> A theme group of the society with a chair, meeting twice a year, with an "
            "annual plan and a report to the members.",
        ),
        "annual_plan": bullets(
            "Compare the quantitative SPECT protocol in three centres with a phantom measurement.",
            "Tell the action group Education and labour market which module on dosimetry is missing.",
        ),
    },
    "members": [
        seat("de-graaf", Role.CHAIR, ACADEMIA, G.CARE_PROVIDER, started=400),
        seat("claes", Role.MEMBER, ACADEMIA, G.CARE_PROVIDER, started=400),
        seat("mulder", Role.MEMBER, SOCIETAL, G.CARE_PROVIDER, started=400),
    ],
    "kpis": [],
    "meetings": [
        meeting(
            MeetingKind.COMMITTEE,
            40,
            14,
            2,
            "Radboudumc, Geert Grooteplein Zuid 10, Nijmegen",
            bullets("Uitkomsten van de fantoommeting", "Welke scholing ontbreekt?"),
        ),
    ],
}

COMMITTEES = [FIELD, STEERING, OPERATIONAL, EDUCATION, ISOTOPES, DATA, DOSIMETRY]

VACANCY = {
    "fields": {"seat_category": SeatCategory.INDUSTRY, "contact_email": "secretariaat@example.org"},
    "weeks_open": 6,
    "nl": {
        "title": "Vacature: zetel industrie in de veldcommissie",
        "slug": "zetel-industrie",
        "description": html(
            "In de veldcommissie komt een zetel voor de industrie vrij. We zoeken iemand uit de "
            "isotopenproductie of de radiofarmaceutische industrie die het perspectief van bedrijven "
            "inbrengt in de prioriteiten van het Nuclear Medicine Education Program.",
            "<b>Wat vragen we?</b>",
            bullets(
                "ruime ervaring in de productie, ontwikkeling of toepassing van radiofarmaca;",
                "een netwerk in de Nederlandse nucleaire geneeskunde;",
                "tijd voor vier vergaderingen per jaar en wat voorbereiding;",
                "een zittingstermijn van drie jaar, eenmaal verlengbaar.",
            ),
        ),
        "how_to_apply": "Vertel in uw motivatie wat u meebrengt uit de industrie en welke tekorten in kennis "
        "en vaardigheden u in uw organisatie ziet. Het secretariaat nodigt kandidaten uit voor een gesprek.",
    },
    "en": {
        "title": "Vacancy: industry seat on the field committee",
        "slug": "industry-seat",
        "description": html(
            "An industry seat on the field committee becomes vacant. We are looking for someone from isotope "
            "production or the radiopharmaceutical industry who brings the perspective of companies into the "
            "priorities of the Nuclear Medicine Education Program.",
            "<b>What we ask</b>",
            bullets(
                "broad experience in the production, development or use of radiopharmaceuticals;",
                "a network in Dutch nuclear medicine;",
                "time for four meetings a year and some preparation;",
                "a term of three years, renewable once.",
            ),
        ),
        "how_to_apply": "In your motivation, tell us what you bring from industry and which gaps in "
        "knowledge and skills you see in your organisation. The secretariat invites candidates for an "
        "interview.",
    },
}


# Dates, counted from the day the command runs.


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def working_day_at(days, hour):
    """A moment ``days`` from today at ``hour`` local time; a weekend day moves to the Monday."""
    day = days_from_today(days)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def end_of_year(years):
    return datetime.date(timezone.localdate().year + years, 12, 31)


# Pages.


def find_child(parent, slug):
    return parent.get_children().filter(slug=slug, locale_id=parent.locale_id).specific().first()


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def reloaded(page):
    # Adding children leaves a page's tree fields (numchild) stale; translating it copies them.
    return page.specific_class.objects.get(pk=page.pk)


def ensure_index(home):
    """The committee index under the home page, and whether it is new; a home page holds only one."""
    index = CommitteeIndexPage.objects.child_of(home).first()
    if index is not None:
        return index, False
    return publish_child(home, CommitteeIndexPage(**INDEX["nl"], show_in_menus=True)), True


STATE_OF_THE_FIELD = {
    "nl": {
        "title": "Stand van het veld",
        "slug": "stand-van-het-veld",
        "introduction": "<p>Wat het veld zelf zegt nodig te hebben: de grootste gaps uit de laatste "
        "gap-analyse, en welke cursussen erin voorzien. Waar nog geen cursus is, zet de veldcommissie een "
        "actiegroep aan het werk.</p>",
    },
    "en": {
        "title": "State of the field",
        "slug": "state-of-the-field",
        "introduction": "<p>What the field itself says it needs: the largest gaps of the latest gap "
        "analysis, and the courses that answer them. Where there is no course yet, the field committee puts "
        "an action group to work.</p>",
    },
}
# A competency no demo course teaches: the education action group takes it on.
CURRICULUM_PRIORITY = "radiopharmaceutical-qc"


def ensure_state_of_the_field(home):
    page = find_child(home, STATE_OF_THE_FIELD["nl"]["slug"])
    if page is not None:
        return page, False
    return publish_child(home, StateOfTheFieldPage(**STATE_OF_THE_FIELD["nl"], gaps_shown=10)), True


def ensure_curriculum_action(group, people):
    """One curriculum action, for a competency without a course; 1 when it was made."""
    competency = Competency.objects.filter(code=CURRICULUM_PRIORITY).first()
    if competency is None or CurriculumAction.objects.filter(competency=competency).exists():
        return 0
    leader = next((m.person for m in group.memberships() if m.role == Role.LEADER), None)
    CurriculumAction.objects.create(
        committee=group,
        competency=competency,
        description="Een e-learningmodule kwaliteitscontrole van radiofarmaca laten maken en accrediteren",
        owner=leader,
        due_date=days_from_today(120),
        status=ActionStatus.IN_PROGRESS,
    )
    return 1


def ensure_committee(index, spec):
    committee = find_child(index, spec["nl"]["slug"])
    if committee is not None:
        return committee, False
    return publish_child(index, CommitteePage(**spec["fields"], **spec["nl"])), True


def ensure_vacancy(committee):
    vacancy = find_child(committee, VACANCY["nl"]["slug"])
    if vacancy is not None:
        return vacancy, False
    deadline = days_from_today(7 * VACANCY["weeks_open"])
    return publish_child(
        committee, VacancyPage(**VACANCY["fields"], **VACANCY["nl"], deadline=deadline)
    ), True


def translate(page, locale, fields):
    """An English copy of ``page`` (its parent is translated already), published; False if there is one."""
    page = reloaded(page)
    if page.get_translation_or_none(locale) is not None:
        return False
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return True


# People and what belongs to a committee, kept once for all its translations.


def ensure_person(name, title, organisation, bio):
    """The person by name, and whether they are new; an organisation not in the directory stays empty."""
    person = Person.objects.filter(name=name).first()
    if person is not None:
        return person, False
    organisation = Organisation.objects.filter(name=organisation).first() if organisation else None
    return Person.objects.create(name=name, title=title, organisation=organisation, bio=bio), True


def ensure_membership(committee, person, spec):
    rows = Membership.objects.filter(committee__translation_key=committee.translation_key, person=person)
    if rows.exists():
        return False
    Membership.objects.create(
        committee=committee,
        person=person,
        role=spec["role"],
        seat_category=spec["seat_category"],
        stakeholder_group=spec["stakeholder_group"],
        term_start=days_from_today(-spec["started"]),
        term_end=None if spec["ends"] is None else days_from_today(spec["ends"]),
    )
    return True


def ensure_kpi(committee, spec):
    if committee.kpis().filter(name=spec["name"]).exists():
        return False
    measurements = [
        Measurement(measured_on=days_from_today(-days), value=value) for days, value in spec["measurements"]
    ]
    KPI(
        committee=committee,
        name=spec["name"],
        unit=spec["unit"],
        baseline=spec["baseline"],
        target=spec["target"],
        target_date=end_of_year(spec["years"]),
        measurements=measurements,
    ).save()
    return True


def create_meeting(committee, spec, people):
    starts_at = working_day_at(spec["days"], spec["hour"])
    Meeting(
        committee=committee,
        kind=spec["kind"],
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=spec["hours"]),
        location=spec["location"],
        online_url=spec.get("online_url", ""),
        agenda=spec["agenda"],
        minutes=minutes_document(committee, spec, starts_at, people) if spec.get("minutes") else None,
        decisions=[Decision(text=text, public=public) for text, public in spec.get("decisions", [])],
        action_items=[
            ActionItem(description=text, owner=people[owner], due_date=days_from_today(due), status=status)
            for text, owner, due, status in spec.get("actions", [])
        ],
    ).save()


def minutes_text(committee, spec, starts_at, people):
    lines = [f"Notulen {committee.title.lower()}", f"{timezone.localtime(starts_at):%d-%m-%Y %H:%M}"]
    lines += [spec["location"], "", spec["minutes"], "", "Besluiten"]
    lines += [f"- {text}" for text, __ in spec.get("decisions", [])]
    lines += ["", "Actiepunten"]
    lines += [
        f"- {text} ({people[owner].name}, {days_from_today(due):%d-%m-%Y})"
        for text, owner, due, __ in spec.get("actions", [])
    ]
    return "\n".join(lines) + "\n"


def minutes_document(committee, spec, starts_at, people):
    """The minutes as a text document in the closed collection: the committee's members open it."""
    day = timezone.localtime(starts_at).date()
    return Document.objects.create(
        title=f"Notulen {committee.title.lower()} {day:%d-%m-%Y}",
        file=ContentFile(
            minutes_text(committee, spec, starts_at, people).encode(),
            name=f"notulen-{committee.slug}-{day:%Y-%m-%d}.txt",
        ),
        collection=minutes_collection(),
    )


def minutes_collection():
    """A collection for minutes that only logged-in visitors can open at all (a backstop: the
    committee's own check then admits its members only)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MINUTES_COLLECTION).first() or root.add_child(
        name=MINUTES_COLLECTION
    )
    CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.LOGIN}
    )
    return collection


def ensure_meetings(committee, specs, people):
    """The committee's demo meetings, once: their dates follow the day of the first run, so a later
    run cannot recognise them by date. Returns how many were created."""
    if not specs or committee.meetings().exists():
        return 0
    for spec in specs:
        create_meeting(committee, spec, people)
    return len(specs)


# The home page features an action group's public progress (home.blocks.FeaturedPageBlock).

FEATURED = "isotopes"


def feature(home, committee):
    """Feature ``committee`` (in the home page's language) at the end of the home page's body, once;
    returns whether it was added."""
    if any(block.block_type == "featured_page" for block in home.body):
        return False
    page = committee.get_translation_or_none(home.locale) or committee
    home.body.append(("featured_page", {"page": page}))
    home.save_revision().publish()
    return True


# The demo member.


def ensure_member(person, account=MEMBER):
    """A demo account with a verified address, linked to ``person``; returns whether it is new."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=account["username"]).first()
    created = user is None
    if created:
        user = user_model.objects.create_user(account["username"], account["email"], account["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=account["email"], defaults={"primary": True, "verified": True}
    )
    if person.user_id is None and not Person.objects.filter(user=user).exists():
        person.user = user
        person.save(update_fields=["user"])
    return created


class Command(BaseCommand):
    """Loads the committee index, six committees with people, seats, meetings and KPIs, an open seat,
    their English translations, an action group featured on the home page, and with DEBUG a demo
    member of the field committee."""

    help = (
        "Load the demo committees (Dutch, and English once the home page is translated) with their people, "
        "seats, meetings, minutes and KPIs, an action group's progress featured on the home page and, with "
        "DEBUG on, a demo member of the field committee. "
        "Safe to run again: only what is missing is added."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            home = default_site().root_page.specific
            index, created = ensure_index(home)
            self.counted("Committee index (nl)", created, 1)
            committees = self.dutch_committees(index)
            vacancy, created = ensure_vacancy(committees[FIELD_COMMITTEE])
            self.counted("Vacancies (nl)", created, 1)
            people = self.people()
            self.rows(committees, people)
            state, created = ensure_state_of_the_field(home)
            self.counted("State of the field page (nl)", created, 1)
            self.counted("Curriculum actions", ensure_curriculum_action(committees["education"], people), 1)
            self.english(home, index, committees, vacancy)
            self.counted(
                "State of the field page (en)", self.translated(home, state, STATE_OF_THE_FIELD["en"]), 1
            )
            featured = committees[FEATURED]
            homes = [reloaded(page) for page in home.get_translations(inclusive=True).order_by("path")]
            self.counted("Home page features", sum(feature(page, featured) for page in homes), len(homes))
            self.member(people)
        self.stdout.write(self.style.SUCCESS("Demo committees loaded."))

    def counted(self, label, created, total):
        self.stdout.write(f"{label}: {int(created)} created, {total - created} already there")

    def dutch_committees(self, index):
        committees, created = {}, 0
        for spec in COMMITTEES:
            committee, new = ensure_committee(index, spec)
            committees[spec["key"]] = committee
            created += new
        self.counted("Committees (nl)", created, len(COMMITTEES))
        return committees

    def people(self):
        people, created = {}, 0
        for key, details in PEOPLE.items():
            people[key], new = ensure_person(*details)
            created += new
        self.counted("People", created, len(PEOPLE))
        return people

    def rows(self, committees, people):
        seats = kpis = meetings = 0
        for spec in COMMITTEES:
            committee = committees[spec["key"]]
            seats += sum(ensure_membership(committee, people[s["person"]], s) for s in spec["members"])
            kpis += sum(ensure_kpi(committee, kpi) for kpi in spec["kpis"])
            meetings += ensure_meetings(committee, spec["meetings"], people)
        self.counted("Memberships", seats, sum(len(spec["members"]) for spec in COMMITTEES))
        self.counted("KPIs", kpis, sum(len(spec["kpis"]) for spec in COMMITTEES))
        self.counted("Meetings", meetings, sum(len(spec["meetings"]) for spec in COMMITTEES))

    def english(self, home, index, committees, vacancy):
        locale = Locale.objects.filter(language_code="en").first()
        if locale is None or home.get_translation_or_none(locale) is None:
            self.stdout.write("Committees (en): skipped, the home page has no English translation yet")
            return
        self.counted("Committee index (en)", translate(index, locale, INDEX["en"]), 1)
        created = sum(translate(committees[spec["key"]], locale, spec["en"]) for spec in COMMITTEES)
        self.counted("Committees (en)", created, len(COMMITTEES))
        self.counted("Vacancies (en)", translate(vacancy, locale, VACANCY["en"]), 1)

    def translated(self, home, page, fields):
        locale = Locale.objects.filter(language_code="en").first()
        if locale is None or home.get_translation_or_none(locale) is None:
            return 0
        return translate(page, locale, fields)

    def member(self, people):
        if not settings.DEBUG:
            self.stdout.write("Demo member: skipped (DEBUG is off)")
            return
        created = ensure_member(people[MEMBER["person"]])
        self.counted("Demo member", created, 1)
        created = ensure_member(people[SECRETARY["person"]], SECRETARY)
        self.counted("Demo secretary", created, 1)
