"""Fill the site with demo content taken from the programme's seed documents.

The texts come from /work/shared/seeds: the programme statement (000), the NVNG
policy plan 2023-2027 (001), the recommendations report on the Dutch nuclear
medicine ecosystem (002), the roadmap of the kwartiermaker (003) and the NL-UK
symposium invitation (004). Running the command again adds only what is missing
and never overwrites what an editor has changed.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from home.models import (
    EventIndexPage,
    EventPage,
    EventProgrammeItem,
    NewsIndexPage,
    NewsPage,
    Organisation,
    OrganisationIndexPage,
    SiteSettings,
    StakeholderGroup,
    StandardPage,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LONDON = ZoneInfo("Europe/London")


class Ref:
    """A page of this content by its key; stored as that page's id in the page's own language."""

    def __init__(self, key):
        self.key = key


def days_ahead(days, hour):
    """A moment counted from the day the command runs, so the demo event is always upcoming."""

    def moment():
        day = timezone.localdate() + timedelta(days=days)
        return datetime.combine(day, time(hour), tzinfo=AMSTERDAM)

    return moment


# Block builders: the content below reads as text instead of nested dicts.


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraphs(*parts):
    """One rich-text block; plain strings become paragraphs, markup is kept as written."""
    html = "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)
    return {"type": "paragraph", "value": html}


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def numbered(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def quote(text, attribution):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def cta(title, text, label, page):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "button_label": label,
            "page": Ref(page),
            "url": "",
        },
    }


def table(caption, rows):
    """A table whose first row holds the column headings."""
    value = {
        "data": rows,
        "table_caption": caption,
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_header_choice": "row",
        "cell": [],
        "mergedCells": [],
    }
    return {"type": "table", "value": value}


def objective(title, summary, page):
    return {
        "type": "objective",
        "value": {"title": title, "summary": summary, "page": Ref(page)},
    }


# Organisations named in the seeds. Websites only where the address is certain.

G = StakeholderGroup
ORGANISATIONS = [
    ("TU Delft", G.EDUCATION, "Delft", "https://www.tudelft.nl"),
    ("Radboudumc", G.CARE_PROVIDER, "Nijmegen", "https://www.radboudumc.nl"),
    ("DECISIVE consortium", G.RESEARCH, "", ""),
    (
        "Ministerie van Volksgezondheid, Welzijn en Sport (VWS)",
        G.GOVERNMENT,
        "Den Haag",
        "https://www.rijksoverheid.nl/ministeries/ministerie-van-volksgezondheid-welzijn-en-sport",
    ),
    ("Embassy of the Kingdom of the Netherlands in the UK", G.GOVERNMENT, "Londen", ""),
    (
        "Nederlandse Vereniging voor Nucleaire Geneeskunde (NVNG)",
        G.CARE_PROVIDER,
        "Utrecht",
        "https://www.nvng.nl",
    ),
    (
        "Nederlandse Vereniging voor Radiologie (NVvR)",
        G.CARE_PROVIDER,
        "Utrecht",
        "https://www.radiologen.nl",
    ),
    ("Nederlandse Vereniging voor Klinische Fysica (NVKF)", G.CARE_PROVIDER, "", ""),
    (
        "Federatie Medisch Specialisten (FMS)",
        G.CARE_PROVIDER,
        "Utrecht",
        "https://demedischspecialist.nl",
    ),
    ("Rijnstate", G.CARE_PROVIDER, "Arnhem", "https://www.rijnstate.nl"),
    ("Oncode Institute", G.RESEARCH, "Utrecht", "https://www.oncode.nl"),
    (
        "FAST – Centre for Future Affordable Sustainable Therapy development",
        G.RESEARCH,
        "",
        "",
    ),
    ("PALLAS", G.ISOTOPE_PRODUCTION, "Petten", ""),
    ("SHINE", G.ISOTOPE_PRODUCTION, "Veendam", ""),
    (
        "Nederlandse Federatie van Kankerpatiëntenorganisaties (NFK)",
        G.PATIENT_ORGANISATION,
        "Utrecht",
        "https://nfk.nl",
    ),
    (
        "Patiëntenfederatie Nederland",
        G.PATIENT_ORGANISATION,
        "Utrecht",
        "https://www.patientenfederatie.nl",
    ),
    ("Technopolis Group", G.COMPANY, "", "https://www.technopolis-group.com"),
    ("Inovigate", G.COMPANY, "", ""),
    ("Novartis", G.COMPANY, "Bazel", "https://www.novartis.com"),
    (
        "European Association of Nuclear Medicine (EANM)",
        G.EDUCATION,
        "Wenen",
        "https://www.eanm.org",
    ),
]

# Shared between the Dutch and English texts.

NVNG_MEMBERS = [
    ["Gewoon lid A: nucleair geneeskundige", "186"],
    ["Gewoon lid A: nucleair radioloog", "12"],
    ["Gewoon lid B: ziekenhuisapotheker", "37"],
    ["Gewoon lid B: klinisch fysicus", "59"],
    ["Gewoon lid B: klinisch radiochemicus", "7"],
    ["Gewoon lid B: radioloog", "54"],
    ["Juniorlid A: aios differentiatie nucleaire geneeskunde", "22"],
    [
        "Juniorlid B: aios radiologie (common trunk, overige differentiaties) en KLIFIO",
        "113",
    ],
    ["Buitengewoon lid", "13"],
    ["Emeritus lid", "26"],
    ["Erelid", "5"],
    ["Totaal", "534"],
]
NVNG_MEMBERS_EN = [
    ["Full member A: nuclear medicine physician", "186"],
    ["Full member A: nuclear radiologist", "12"],
    ["Full member B: hospital pharmacist", "37"],
    ["Full member B: clinical physicist", "59"],
    ["Full member B: clinical radiochemist", "7"],
    ["Full member B: radiologist", "54"],
    ["Junior member A: resident in the nuclear medicine differentiation", "22"],
    [
        "Junior member B: radiology residents (common trunk, other differentiations) and clinical physics "
        "trainees",
        "113",
    ],
    ["Associate member", "13"],
    ["Emeritus member", "26"],
    ["Honorary member", "5"],
    ["Total", "534"],
]

# The timetable of seed 004, kept in English on both sites: the symposium was held in English.
SYMPOSIUM_PROGRAMME = [
    {
        "start_time": time(9, 0),
        "end_time": None,
        "activity": "Welcome and opening remarks",
        "notes": bullets(
            "Opening and welcome",
            "Introduction Dutch Ministry of Health",
            "Introduction UK government (DESNZ)",
        ),
    },
    {
        "start_time": time(12, 0),
        "end_time": None,
        "activity": "Networking lunch",
        "notes": "",
    },
    {
        "start_time": time(13, 30),
        "end_time": None,
        "activity": "Symposium",
        "notes": "<p>Mini-conference “Mobilising cooperation to overcome challenges in nuclear medicine”</p>"
        "<p>In these sessions, a series of speakers will be asked to highlight practical applications "
        "of their (theoretical) research in nuclear medicine. Leading will be the following questions:</p>"
        + bullets(
            "What are the biggest problems to overcome within the researchers' specialisms and in "
            "nuclear medicine as a larger field?",
            "Where do researchers want the field to be in 10-20 years' time?",
            "What is needed from government, industry, and academia to bridge these problems and "
            "arrive at this vision of the future?",
        ),
    },
    {
        "start_time": time(17, 30),
        "end_time": time(19, 30),
        "activity": "Networking drinks reception",
        "notes": "<p>Location: Science Gallery London</p>",
    },
]


def slot(start, end, activity, notes=""):
    return {"start_time": start, "end_time": end, "activity": activity, "notes": notes}


ROUND_TABLE_PROGRAMME = [
    slot(time(13, 0), time(13, 30), "Ontvangst en welkom"),
    slot(
        time(13, 30),
        time(14, 15),
        "Het tekort aan professionals: wat weten we al?",
        "<p>Eerste bevindingen van de gap-analyse en de aanbevelingen over human capital uit het rapport "
        "over het Nederlandse ecosysteem.</p>",
    ),
    slot(
        time(14, 15),
        time(15, 30),
        "Rondetafelgesprekken",
        bullets(
            "Tafel 1: instroom en carrièreperspectief",
            "Tafel 2: geharmoniseerde opleidingen en bijscholing",
            "Tafel 3: accreditatie en (her)registratie",
        ),
    ),
    slot(time(15, 30), time(15, 45), "Pauze"),
    slot(time(15, 45), time(16, 30), "Plenaire terugkoppeling en prioritering"),
    slot(time(16, 30), time(17, 0), "Afsluiting en netwerkborrel"),
]
ROUND_TABLE_PROGRAMME_EN = [
    slot(time(13, 0), time(13, 30), "Welcome and registration"),
    slot(
        time(13, 30),
        time(14, 15),
        "The shortage of professionals: what do we know?",
        "<p>First findings of the gap analysis and the recommendations on human capital from the report "
        "on the Dutch ecosystem.</p>",
    ),
    slot(
        time(14, 15),
        time(15, 30),
        "Round-table discussions",
        bullets(
            "Table 1: intake and career prospects",
            "Table 2: harmonised training and continuing education",
            "Table 3: accreditation and (re-)registration",
        ),
    ),
    slot(time(15, 30), time(15, 45), "Break"),
    slot(time(15, 45), time(16, 30), "Plenary feedback and priorities"),
    slot(time(16, 30), time(17, 0), "Closing and networking drinks"),
]

# The home page. Its objectives and hero link point at pages made further down.

HOME = {
    "key": "home",
    "nl": {
        "hero_title": "Nuclear Medicine Education Program",
        "hero_text": "Een leven lang leren voor iedereen die werkt in de nucleaire geneeskunde, van de "
        "productie van radio-isotopen tot de toepassing in de kliniek. Een initiatief van TU Delft en "
        "Radboudumc binnen het nationale consortium DECISIVE.",
        "hero_link_id": Ref("about"),
        "hero_link_label": "Over het programma",
        "introduction": "<p>De diagnose van veel ziekten en de behandeling van kanker zijn tegenwoordig "
        "ondenkbaar zonder nucleaire geneeskunde. Achter elke nucleaire scan en elke radionuclidentherapie "
        "staat een heel ecosysteem waarin ziekenhuizen en industrie nauw samenwerken.</p><p>Nederland is "
        "wereldwijd toonaangevend in het vakgebied, maar het onderwijs is versnipperd terwijl nieuwe "
        "ontwikkelingen voortdurende scholing steeds noodzakelijker maken. Daarom bundelen we onderwijs, "
        "training en professionele ontwikkeling in één programma.</p>",
        "objectives": [
            objective(
                "Veldcommissie",
                "Een veldcommissie met vertegenwoordigers van de academische wereld, maatschappelijke "
                "partners en industrie zorgt voor duurzame voortgang op basis van de gedeelde prioriteiten.",
                "field_committee",
            ),
            objective(
                "Leerplatform",
                "Onderwijs, training en professionele ontwikkeling coördineren en centraliseren, en "
                "communicatie, uitwisseling en samenwerking bevorderen via een eigen platform.",
                "learning_platform",
            ),
            objective(
                "Gap-analyse",
                "De huidige en verwachte tekorten in kennis en vaardigheden in kaart brengen, als basis voor "
                "een LLO-programma dat door het veld zelf wordt gestuurd.",
                "gap_analysis",
            ),
            objective(
                "Een community bouwen",
                "Een community van stakeholders opbouwen over de volle breedte van de nucleaire geneeskunde.",
                "community",
            ),
        ],
        "body": [
            cta(
                "Rondetafel over opleiding en human capital",
                "Denk mee over het tekort aan gekwalificeerde professionals en wat onderwijs en bijscholing "
                "daaraan kunnen doen.",
                "Bekijk de evenementen",
                "events",
            )
        ],
    },
    "en": {
        "title": "Home",
        "hero_title": "Nuclear Medicine Education Program",
        "hero_text": "Lifelong learning for everyone who works in nuclear medicine, from the production of "
        "radioisotopes to their application in the clinic. An initiative of TU Delft and Radboudumc within "
        "the national DECISIVE consortium.",
        "hero_link_id": Ref("about"),
        "hero_link_label": "About the programme",
        "introduction": "<p>The diagnosis of many diseases and the treatment of cancer are nowadays "
        "unthinkable without nuclear medicine. Behind every nuclear scan and every radionuclide therapy lies "
        "an entire ecosystem in which hospitals and industry work closely together.</p><p>The Netherlands is "
        "a global leader in the field, but education is fragmented while emerging developments make "
        "continuous professional education increasingly necessary. That is why we bring education, training "
        "and professional development together in one programme.</p>",
        "objectives": [
            objective(
                "Field committee",
                "A field committee with representatives from academia, societal partners and industry "
                "ensures sustainable progress based on the shared priorities.",
                "field_committee",
            ),
            objective(
                "Learning platform",
                "Coordinating and centralising education, training and professional development, and "
                "promoting communication, exchange and collaboration through a dedicated platform.",
                "learning_platform",
            ),
            objective(
                "Gap analysis",
                "Mapping current and anticipated knowledge and skills gaps to develop a field-driven "
                "lifelong learning programme.",
                "gap_analysis",
            ),
            objective(
                "Building a community",
                "Building a stakeholder community across the full breadth of the nuclear medicine field.",
                "community",
            ),
        ],
        "body": [
            cta(
                "Round table on education and human capital",
                "Help us think about the shortage of qualified professionals and what education and training "
                "can do about it.",
                "See the events",
                "events",
            )
        ],
    },
}

# The pages under the home page, parents before children; the order is the menu order.

ABOUT = {
    "key": "about",
    "parent": "home",
    "model": StandardPage,
    "menu": True,
    "nl": {
        "title": "Over het programma",
        "slug": "over-het-programma",
        "introduction": "Het Nuclear Medicine Education Program, de LLO-katalysator van het vakgebied, "
        "versterkt de professionalisering in de nucleaire geneeskunde met een programma voor een leven lang "
        "leren, geleid door TU Delft en Radboudumc.",
        "body": [
            heading("Missie"),
            paragraphs(
                "Ons doel is de professionalisering binnen de nucleaire geneeskunde te borgen en te "
                "versterken. Het programma omvat zowel de technische en fysische aspecten (TU Delft) als het "
                "biologische en klinische perspectief (Radboudumc). We ontwikkelen een programma voor een "
                "leven lang leren (LLO) dat wordt geleid door academische instellingen, maar het hele "
                "maatschappelijke en industriële spectrum van het vakgebied omvat."
            ),
            heading("Achtergrond"),
            paragraphs(
                "Achter een nucleaire scan of een radionuclidentherapie staat een heel ecosysteem waarin "
                "ziekenhuizen en industrie nauw samenwerken: van de productie van radio-isotopen en "
                "radiofarmaca tot de toepassing in de kliniek.",
                "Nederland is wereldwijd toonaangevend in de nucleaire geneeskunde, dankzij de productie van "
                "medische radio-isotopen, een hoog kennisniveau en een brede sector van bedrijven in het "
                "nucleaire domein. Het vakgebied ontwikkelt zich snel, vooral door nieuwe therapeutische "
                "toepassingen.",
                "De recent verschenen ‘Analyse van het Nederlandse ecosysteem van nucleaire geneeskunde’ "
                "noemt human capital als een van de belangrijkste uitdagingen voor verdere groei. Veel "
                "onderwijs in het vakgebied is echter versnipperd, terwijl nieuwe ontwikkelingen "
                "voortdurende scholing en training steeds noodzakelijker maken.",
            ),
            heading("Binnen het DECISIVE-consortium"),
            paragraphs(
                "We werken binnen het nationale consortium DECISIVE, dat academische partners, "
                "maatschappelijke organisaties en industrie samenbrengt om de uitdagingen van de nucleaire "
                "geneeskunde aan te pakken. Zo sluit het onderwijsprogramma aan op wat er in het hele veld "
                "speelt."
            ),
            heading("Twee perspectieven"),
            paragraphs(
                bullets(
                    "<b>TU Delft</b>: de technische en fysische kant van het vak, van isotopenproductie tot "
                    "meten en beeldvorming.",
                    "<b>Radboudumc</b>: de biologische en klinische kant, van radiofarmaca en onderzoek tot "
                    "diagnostiek en therapie voor de patiënt.",
                )
            ),
            cta(
                "Vier doelstellingen",
                "Een veldcommissie, een leerplatform, een gap-analyse en een community van stakeholders.",
                "Lees de doelstellingen",
                "objectives",
            ),
            cta(
                "Partners",
                "Wie het programma dragen en wat ze bijdragen.",
                "Naar de partners",
                "partners",
            ),
        ],
    },
    "en": {
        "title": "About the programme",
        "slug": "about",
        "introduction": "The Nuclear Medicine Education Program, the field's lifelong learning catalyst, "
        "strengthens professionalisation in nuclear medicine with a lifelong learning programme led by TU "
        "Delft and Radboudumc.",
        "body": [
            heading("Mission"),
            paragraphs(
                "Our goal is to safeguard and strengthen professionalisation within nuclear medicine. The "
                "programme encompasses both the technical and physical aspects (TU Delft) and the biological "
                "and clinical perspectives (Radboudumc). We are developing a lifelong learning (LLO) "
                "programme, led by academic institutions but spanning the entire societal and industrial "
                "spectrum of the field."
            ),
            heading("Background"),
            paragraphs(
                "Behind the production of a nuclear scan or the use of radionuclide therapy lies an entire "
                "ecosystem in which hospitals and industry work closely together, from the production of "
                "radioisotopes and radiopharmaceuticals to their eventual application in the clinic.",
                "The Netherlands is a global leader in nuclear medicine, thanks to its production of medical "
                "radioisotopes, high level of expertise, and a broad sector of companies active in the "
                "nuclear domain. The field is developing rapidly, particularly through new therapeutic "
                "applications.",
                "The recently published report “Analysis of the Dutch Nuclear Medicine Ecosystem” identifies "
                "human capital as one of the key challenges for further growth. However, much of the "
                "education in this field is fragmented, while emerging developments make continuous "
                "professional education and training increasingly necessary.",
            ),
            heading("Within the DECISIVE consortium"),
            paragraphs(
                "We work within the national consortium DECISIVE, which brings together academic partners, "
                "societal organisations and industry to address the challenges facing nuclear medicine. This "
                "keeps the education programme in step with the whole field."
            ),
            heading("Two perspectives"),
            paragraphs(
                bullets(
                    "<b>TU Delft</b>: the technical and physical side of the profession, from isotope "
                    "production to measurement and imaging.",
                    "<b>Radboudumc</b>: the biological and clinical side, from radiopharmaceuticals and "
                    "research to diagnosis and therapy for the patient.",
                )
            ),
            cta(
                "Four objectives",
                "A field committee, a learning platform, a gap analysis and a stakeholder community.",
                "Read the objectives",
                "objectives",
            ),
            cta(
                "Partners",
                "Who carries the programme and what they contribute.",
                "Meet the partners",
                "partners",
            ),
        ],
    },
}

OBJECTIVES = {
    "key": "objectives",
    "parent": "home",
    "model": StandardPage,
    "menu": True,
    "nl": {
        "title": "Doelstellingen",
        "slug": "doelstellingen",
        "introduction": "Vier doelstellingen geven richting aan het programma: een veldcommissie, een "
        "leerplatform, een gap-analyse en een community van stakeholders.",
        "body": [
            heading("Professionalisering versterken"),
            paragraphs(
                "De nucleaire geneeskunde groeit snel, vooral door nieuwe therapeutische toepassingen. Om "
                "die groei bij te houden werken we aan vier doelstellingen die samen een door het veld "
                "gedragen programma voor een leven lang leren opleveren."
            ),
            cta(
                "Veldcommissie",
                "Vertegenwoordigers van academische wereld, maatschappelijke partners en industrie bewaken "
                "de prioriteiten.",
                "Over de veldcommissie",
                "field_committee",
            ),
            cta(
                "Leerplatform",
                "Eén plek voor onderwijs, training en professionele ontwikkeling in het vakgebied.",
                "Over het leerplatform",
                "learning_platform",
            ),
            cta(
                "Gap-analyse",
                "Welke kennis en vaardigheden ontbreken nu, en welke straks?",
                "Over de gap-analyse",
                "gap_analysis",
            ),
            cta(
                "Een community bouwen",
                "Zes stakeholdergroepen, één gemeenschap.",
                "Over de community",
                "community",
            ),
        ],
    },
    "en": {
        "title": "Objectives",
        "slug": "objectives",
        "introduction": "Four objectives guide the programme: a field committee, a learning platform, a gap "
        "analysis and a stakeholder community.",
        "body": [
            heading("Strengthening professionalisation"),
            paragraphs(
                "Nuclear medicine is growing fast, particularly through new therapeutic applications. To "
                "keep pace we work on four objectives that together deliver a field-driven lifelong learning "
                "programme."
            ),
            cta(
                "Field committee",
                "Representatives from academia, societal partners and industry safeguard the priorities.",
                "About the field committee",
                "field_committee",
            ),
            cta(
                "Learning platform",
                "One place for education, training and professional development in the field.",
                "About the learning platform",
                "learning_platform",
            ),
            cta(
                "Gap analysis",
                "Which knowledge and skills are missing today, and which tomorrow?",
                "About the gap analysis",
                "gap_analysis",
            ),
            cta(
                "Building a community",
                "Six stakeholder groups, one community.",
                "About the community",
                "community",
            ),
        ],
    },
}

FIELD_COMMITTEE = {
    "key": "field_committee",
    "parent": "objectives",
    "model": StandardPage,
    "nl": {
        "title": "Veldcommissie",
        "slug": "veldcommissie",
        "introduction": "Een veldcommissie met vertegenwoordigers van de academische wereld, "
        "maatschappelijke partners en industrie zorgt voor duurzame voortgang op basis van de vastgestelde "
        "prioriteiten.",
        "body": [
            heading("Waarom een veldcommissie?"),
            paragraphs(
                "Het programma wordt geleid door academische instellingen, maar moet het hele "
                "maatschappelijke en industriële spectrum van de nucleaire geneeskunde bedienen. De "
                "veldcommissie zorgt ervoor dat de prioriteiten uit het veld zelf komen en dat het programma "
                "bijstuurt wanneer het veld verandert."
            ),
            heading("Samenstelling"),
            paragraphs(
                bullets(
                    "<b>Academische wereld</b>: universiteiten, universitair medische centra en opleiders.",
                    "<b>Maatschappelijke partners</b>: beroepsverenigingen zoals de NVNG en de NVvR, "
                    "patiëntenorganisaties en de overheid.",
                    "<b>Industrie</b>: isotopenproductie, radiofarmaceutische bedrijven en toeleveranciers.",
                )
            ),
            heading("Werkwijze"),
            paragraphs(
                "Het rapport met aanbevelingen om Nederland als hotspot voor nucleaire geneeskunde te "
                "positioneren beschrijft een governance die ook voor de veldcommissie het voorbeeld is:",
                bullets(
                    "een stuurgroep met een evenwichtige vertegenwoordiging van alle stakeholdergroepen en "
                    "een neutrale voorzitter, die elk kwartaal overlegt en de doelstellingen en richting "
                    "bewaakt;",
                    "een operationele stuurgroep van de leiders van de actiegroepen, die maandelijks de "
                    "voortgang en onderlinge afhankelijkheden bespreekt om overlap en hiaten te voorkomen;",
                    "thematische actiegroepen met een leider en co-leider, die op basis van een actiecharter "
                    "oplossingen uitwerken;",
                    "SMART-doelstellingen met KPI's op een tijdlijn, zodat de voortgang meetbaar en "
                    "zichtbaar blijft.",
                ),
                "Net als in het beleidsplan 2023-2027 van de NVNG krijgt elke werkgroep een concrete "
                "opdracht, een jaarplan en een heldere rapportage. Voortgang en vacatures maken we bekend op "
                "deze website.",
            ),
            cta(
                "Interesse in de veldcommissie?",
                "We horen graag van professionals uit alle delen van het veld.",
                "Neem contact op",
                "contact",
            ),
        ],
    },
    "en": {
        "title": "Field committee",
        "slug": "field-committee",
        "introduction": "A field committee with representatives from academia, societal partners and "
        "industry ensures sustainable progress based on the identified priorities.",
        "body": [
            heading("Why a field committee?"),
            paragraphs(
                "The programme is led by academic institutions but has to serve the entire societal and "
                "industrial spectrum of nuclear medicine. The field committee makes sure the priorities come "
                "from the field itself and that the programme changes course when the field does."
            ),
            heading("Members"),
            paragraphs(
                bullets(
                    "<b>Academia</b>: universities, university medical centres and educators.",
                    "<b>Societal partners</b>: professional societies such as the NVNG and the NVvR, patient "
                    "organisations and government.",
                    "<b>Industry</b>: isotope production, radiopharmaceutical companies and suppliers.",
                )
            ),
            heading("How it works"),
            paragraphs(
                "The recommendations report on positioning the Netherlands as a nuclear medicine hotspot "
                "describes a governance model that the field committee follows:",
                bullets(
                    "a steering group with a balanced representation of all stakeholder groups and a neutral "
                    "chair, meeting quarterly to oversee the objectives and direction;",
                    "an operational steering group of the action group leaders, meeting monthly to discuss "
                    "progress and dependencies so that overlaps and gaps are avoided;",
                    "thematic action groups with a leader and co-leader, working out solutions based on an "
                    "action charter;",
                    "SMART goals with KPIs on a timeline, so that progress stays measurable and visible.",
                ),
                "As in the NVNG policy plan 2023-2027, every working group gets a concrete assignment, an "
                "annual plan and clear reporting. We publish progress and vacancies on this website.",
            ),
            cta(
                "Interested in the field committee?",
                "We would like to hear from professionals in every part of the field.",
                "Get in touch",
                "contact",
            ),
        ],
    },
}

LEARNING_PLATFORM = {
    "key": "learning_platform",
    "parent": "objectives",
    "model": StandardPage,
    "nl": {
        "title": "Leerplatform",
        "slug": "leerplatform",
        "introduction": "Een platform dat onderwijs, training en professionele ontwikkeling in de nucleaire "
        "geneeskunde coördineert en centraliseert, en communicatie, uitwisseling en samenwerking bevordert.",
        "body": [
            heading("Van versnipperd naar centraal"),
            paragraphs(
                "Het onderwijs in de nucleaire geneeskunde is verspreid over ziekenhuizen, universiteiten, "
                "beroepsverenigingen en bedrijven. Wie zich wil bijscholen, moet zelf zoeken. Het "
                "leerplatform brengt het aanbod samen en maakt zichtbaar wat er is, voor wie het bedoeld is "
                "en wat het oplevert."
            ),
            heading("Voor wie?"),
            paragraphs(
                "Nucleaire geneeskunde is multidisciplinair: nucleair geneeskundigen, nucleair radiologen, "
                "ziekenhuisapothekers, klinisch fysici, (klinisch) radiochemici, radiologen en aios werken "
                "samen, net als technisch geneeskundigen en de mensen die isotopen en radiofarmaca "
                "produceren. De ledenopbouw van de NVNG laat zien hoe breed de beroepsgroep is."
            ),
            table(
                "Leden van de NVNG per 1 januari 2022",
                [["Categorie", "Aantal"], *NVNG_MEMBERS],
            ),
            heading("Accreditatie en (her)registratie"),
            paragraphs(
                "In het beleidsplan 2023-2027 wil de NVNG de certificering, (her)registratie en kwaliteit "
                "van nucleair radiologen in eigen hand nemen, en overweegt zij een periodiek "
                "herregistratiesysteem. Het leerplatform laat per cursus zien of die geaccrediteerd is, "
                "zodat professionals hun bijscholing gericht kunnen plannen."
            ),
            heading("Wat het platform biedt"),
            paragraphs(
                bullets(
                    "een overzicht van cursussen, opleidingen en evenementen;",
                    "nieuws en een nieuwsbrief over ontwikkelingen in het veld;",
                    "ruimte voor uitwisseling tussen disciplines en organisaties;",
                    "een aanbod dat meegroeit met de uitkomsten van de gap-analyse.",
                )
            ),
            quote(
                "De NVNG gaat de structurele samenwerking binnen Nederland bevorderen door het oprichten van "
                "een kennisplatform voor landelijke coördinatie van nieuwe nucleaire beeldvormende "
                "technieken.",
                "NVNG, Beleidsplan 2023-2027",
            ),
        ],
    },
    "en": {
        "title": "Learning platform",
        "slug": "learning-platform",
        "introduction": "A platform that coordinates and centralises education, training and professional "
        "development in nuclear medicine, and promotes communication, exchange and collaboration.",
        "body": [
            heading("From fragmented to central"),
            paragraphs(
                "Education in nuclear medicine is spread over hospitals, universities, professional "
                "societies and companies. Anyone who wants further training has to search for it. The "
                "learning platform brings the offer together and shows what exists, whom it is for and what "
                "it leads to."
            ),
            heading("For whom?"),
            paragraphs(
                "Nuclear medicine is multidisciplinary: nuclear medicine physicians, nuclear radiologists, "
                "hospital pharmacists, clinical physicists, (clinical) radiochemists, radiologists and "
                "residents work together, as do technical physicians and the people who produce isotopes and "
                "radiopharmaceuticals. The membership of the NVNG shows how broad the profession is."
            ),
            table(
                "Members of the NVNG on 1 January 2022",
                [["Category", "Number"], *NVNG_MEMBERS_EN],
            ),
            heading("Accreditation and (re-)registration"),
            paragraphs(
                "In its policy plan 2023-2027 the NVNG wants to take the certification, (re-)registration "
                "and quality of nuclear radiologists into its own hands, and is considering a periodic "
                "re-registration system. The learning platform shows for each course whether it is "
                "accredited, so that professionals can plan their continuing education."
            ),
            heading("What the platform offers"),
            paragraphs(
                bullets(
                    "an overview of courses, training programmes and events;",
                    "news and a newsletter about developments in the field;",
                    "room for exchange between disciplines and organisations;",
                    "an offer that grows with the results of the gap analysis.",
                )
            ),
            quote(
                "The NVNG will promote structural cooperation within the Netherlands by setting up a "
                "knowledge platform for the national coordination of new nuclear imaging techniques.",
                "NVNG, policy plan 2023-2027 (translated from Dutch)",
            ),
        ],
    },
}

GAP_ANALYSIS = {
    "key": "gap_analysis",
    "parent": "objectives",
    "model": StandardPage,
    "nl": {
        "title": "Gap-analyse",
        "slug": "gap-analyse",
        "introduction": "We brengen de huidige en verwachte tekorten in kennis en vaardigheden in kaart, als "
        "basis voor een LLO-programma dat door het veld zelf wordt gestuurd.",
        "body": [
            heading("Waarom een gap-analyse?"),
            paragraphs(
                "De ‘Analyse van het Nederlandse ecosysteem van nucleaire geneeskunde’, die Technopolis in "
                "opdracht van FAST uitvoerde, noemt human capital een van de grootste uitdagingen. Het "
                "rapport met aanbevelingen om Nederland als hotspot te positioneren is nog stelliger: er is "
                "een gebrek aan gekwalificeerde professionals, met name artsen gespecialiseerd in nucleaire "
                "geneeskunde."
            ),
            quote(
                "Een tekort aan gekwalificeerd personeel is tenslotte eveneens een kritieke belemmering. Er "
                "moeten geharmoniseerde opleidingen en betere carrièreperspectieven komen om nieuwe "
                "professionals te motiveren om zich te specialiseren in nucleaire geneeskunde.",
                "Aanbevelingen voor het vervolgtraject om Nederland als een hotspot voor nucleaire "
                "geneeskunde te positioneren",
            ),
            heading("Wat er verandert in het vak"),
            paragraphs(
                bullets(
                    "Het aantal diagnostische scans, vooral PET/CT, groeit met ongeveer 10% per jaar.",
                    "In de komende 10 tot 15 jaar wordt een exponentiële toename van radionuclidentherapie "
                    "verwacht; het aantal mogelijke behandelingen kan vervijfvoudigen.",
                    "Sinds 2015 zijn de opleidingen radiologie en nucleaire geneeskunde geïntegreerd, met "
                    "een aparte differentiatie nucleaire geneeskunde en moleculaire radiologie.",
                )
            ),
            heading("Aanpak"),
            paragraphs(
                numbered(
                    "Inventarisatie van bestaande rapporten (van FAST, DECISIVE en VWS), opleidingsplannen "
                    "en het huidige onderwijsaanbod.",
                    "Een enquête en interviews onder professionals en werkgevers in alle stakeholdergroepen.",
                    "Rondetafels om de tekorten te prioriteren.",
                    "Vertaling naar leerlijnen en modules in het LLO-programma, met de veldcommissie als "
                    "toetssteen.",
                )
            ),
            cta(
                "Praat mee tijdens de rondetafel",
                "De eerste bevindingen bespreken we met het veld.",
                "Naar de evenementen",
                "events",
            ),
        ],
    },
    "en": {
        "title": "Gap analysis",
        "slug": "gap-analysis",
        "introduction": "We map current and anticipated knowledge and skills gaps as the basis for a "
        "field-driven lifelong learning programme.",
        "body": [
            heading("Why a gap analysis?"),
            paragraphs(
                "The “Analysis of the Dutch Nuclear Medicine Ecosystem”, carried out by Technopolis for "
                "FAST, identifies human capital as one of the biggest challenges. The recommendations report "
                "on positioning the Netherlands as a hotspot is even more explicit: there is a lack of "
                "qualified professionals, in particular physicians specialised in nuclear medicine."
            ),
            quote(
                "Finally, a shortage of qualified staff is also a critical bottleneck. Harmonised training "
                "and better career prospects are needed to motivate new professionals to specialise in "
                "nuclear medicine.",
                "Recommendations for positioning the Netherlands as a hotspot for nuclear medicine "
                "(translated from Dutch)",
            ),
            heading("How the profession is changing"),
            paragraphs(
                bullets(
                    "The number of diagnostic scans, especially PET/CT, grows by about 10% a year.",
                    "An exponential increase in radionuclide therapy is expected over the next 10 to 15 "
                    "years; the number of possible treatments may increase fivefold.",
                    "Since 2015 the training programmes for radiology and nuclear medicine have been "
                    "integrated, with a separate differentiation in nuclear medicine and molecular "
                    "radiology.",
                )
            ),
            heading("Approach"),
            paragraphs(
                numbered(
                    "An inventory of existing reports (by FAST, DECISIVE and the Ministry of Health), "
                    "training plans and the current educational offer.",
                    "A survey and interviews among professionals and employers in all stakeholder groups.",
                    "Round tables to prioritise the gaps.",
                    "Translation into learning tracks and modules of the lifelong learning programme, tested "
                    "against the field committee.",
                )
            ),
            cta(
                "Join the round table",
                "We discuss the first findings with the field.",
                "See the events",
                "events",
            ),
        ],
    },
}

COMMUNITY = {
    "key": "community",
    "parent": "objectives",
    "model": StandardPage,
    "nl": {
        "title": "Een community bouwen",
        "slug": "community",
        "introduction": "We bouwen een community van stakeholders over de volle breedte van de nucleaire "
        "geneeskunde, van isotopenproductie tot patiënt.",
        "body": [
            heading("Zes stakeholdergroepen"),
            paragraphs(
                "Het aanpakken van de knelpunten in de nucleaire geneeskunde is een gedeelde "
                "verantwoordelijkheid. Het rapport over Nederland als hotspot onderscheidt zes "
                "stakeholdergroepen die samen aan tafel moeten:"
            ),
            table(
                "De zes stakeholdergroepen",
                [
                    ["Stakeholdergroep", "Bijvoorbeeld"],
                    [
                        "Overheden",
                        "Ministerie van VWS (Programmadirectie Medische Isotopen)",
                    ],
                    [
                        "Zorgverleners",
                        "Academische en topklinische ziekenhuizen, NVNG, NVvR",
                    ],
                    [
                        "Onderzoekers",
                        "TU Delft, Radboudumc, DECISIVE, Oncode Institute",
                    ],
                    ["Isotopenproductie", "PALLAS, SHINE"],
                    ["Patiëntenorganisaties", "NFK, Patiëntenfederatie Nederland"],
                    [
                        "Bedrijven",
                        "Radiofarmaceutische industrie, toeleveranciers, adviesbureaus",
                    ],
                ],
            ),
            heading("Vertrouwen en co-creatie"),
            paragraphs(
                "Oplossingen werken alleen als ze breed gedragen worden. Door dialoog en uitwisseling van "
                "perspectieven bouwen we een gemeenschappelijk begrip en wederzijds vertrouwen op, ook waar "
                "belangen uiteenlopen. Dat is de basis voor co-creatie van onderwijs dat aansluit bij de "
                "praktijk."
            ),
            heading("Zo doe je mee"),
            paragraphs(
                bullets(
                    "Abonneer je op de nieuwsbrief (onderaan elke pagina).",
                    "Kom naar een van onze evenementen of rondetafels.",
                    "Zet je organisatie in het overzicht van organisaties.",
                    "Denk mee in een actiegroep of de veldcommissie.",
                )
            ),
            cta(
                "Het veld in beeld",
                "Organisaties per stakeholdergroep.",
                "Bekijk de organisaties",
                "organisations",
            ),
        ],
    },
    "en": {
        "title": "Building a community",
        "slug": "community",
        "introduction": "We are building a stakeholder community across the full breadth of nuclear "
        "medicine, from isotope production to the patient.",
        "body": [
            heading("Six stakeholder groups"),
            paragraphs(
                "Tackling the bottlenecks in nuclear medicine is a shared responsibility. The report on the "
                "Netherlands as a hotspot distinguishes six stakeholder groups that need to be at the table:"
            ),
            table(
                "The six stakeholder groups",
                [
                    ["Stakeholder group", "For example"],
                    [
                        "Governments",
                        "Ministry of Health, Welfare and Sport (Medical Isotopes Programme Directorate)",
                    ],
                    [
                        "Care providers",
                        "Academic and top clinical hospitals, NVNG, NVvR",
                    ],
                    ["Researchers", "TU Delft, Radboudumc, DECISIVE, Oncode Institute"],
                    ["Isotope production", "PALLAS, SHINE"],
                    ["Patient organisations", "NFK, Patiëntenfederatie Nederland"],
                    [
                        "Companies",
                        "Radiopharmaceutical industry, suppliers, consultancies",
                    ],
                ],
            ),
            heading("Trust and co-creation"),
            paragraphs(
                "Solutions only work when they are widely supported. Through dialogue and the exchange of "
                "perspectives we build a common understanding and mutual trust, even where interests differ. "
                "That is the basis for co-creating education that fits practice."
            ),
            heading("How to take part"),
            paragraphs(
                bullets(
                    "Subscribe to the newsletter (at the bottom of every page).",
                    "Come to one of our events or round tables.",
                    "Add your organisation to the directory.",
                    "Join an action group or the field committee.",
                )
            ),
            cta(
                "The field at a glance",
                "Organisations by stakeholder group.",
                "See the organisations",
                "organisations",
            ),
        ],
    },
}

NEWS = {
    "key": "news",
    "parent": "home",
    "model": NewsIndexPage,
    "menu": True,
    "nl": {
        "title": "Nieuws",
        "slug": "nieuws",
        "introduction": "Nieuws over het programma, onderwijs en ontwikkelingen in de nucleaire geneeskunde.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "introduction": "News about the programme, education and developments in nuclear medicine.",
    },
}

NEWS_SYMPOSIUM = {
    "key": "news_symposium",
    "parent": "news",
    "model": NewsPage,
    "fields": {"date": date(2024, 3, 25)},
    "nl": {
        "title": "Terugblik: NL-UK Symposium on Nuclear Medicine in Londen",
        "slug": "terugblik-nl-uk-symposium-londen",
        "author": "Redactie NMEP",
        "introduction": "Op 19 maart 2024 kwamen Nederlandse en Britse professionals samen in Science "
        "Gallery London, tijdens de Nederlandse innovatiemissie naar het Verenigd Koninkrijk.",
        "tags": ["internationaal", "symposium", "Verenigd Koninkrijk"],
        "body": [
            heading("Een innovatiemissie naar het Verenigd Koninkrijk"),
            paragraphs(
                "Van 18 tot en met 21 maart 2024 organiseerde de Nederlandse overheid een innovatiemissie "
                "over nucleaire geneeskunde naar het Verenigd Koninkrijk, met een delegatie van 35 "
                "deelnemers uit de hele keten. Op 19 maart nodigde de Nederlandse ambassade Britse "
                "onderzoekers, clinici en bedrijven uit voor een dag van discussie en netwerken.",
                "Tijdens de missie verscheen ook de ‘Analyse van het Nederlandse ecosysteem van nucleaire "
                "geneeskunde’, die Technopolis in opdracht van FAST uitvoerde.",
            ),
            heading("Het programma"),
            paragraphs(
                "Vertegenwoordigers van het Nederlandse ministerie van VWS en de Britse overheid (DESNZ, "
                "Welsh Government) zetten de toon. Daarna volgde de miniconferentie ‘Mobilising cooperation "
                "to overcome challenges in nuclear medicine’, rond drie vragen:",
                bullets(
                    "Wat zijn de grootste problemen binnen de specialismen van de onderzoekers en in de "
                    "nucleaire geneeskunde als geheel?",
                    "Waar willen onderzoekers dat het vakgebied over 10 tot 20 jaar staat?",
                    "Wat is er nodig van overheid, industrie en academie om die problemen te overbruggen?",
                ),
                "De dag sloot af met een netwerkreceptie.",
            ),
            heading("Waarom dit ertoe doet"),
            paragraphs(
                "Nederland en het Verenigd Koninkrijk hebben elk een sterke staat van dienst, van de "
                "productie van radionucliden en de ontwikkeling van radiofarmaca tot dosimetrie, "
                "stralingsveiligheid, preklinisch onderzoek en klinische trials. Nu steeds meer patiënten "
                "voor nucleaire geneeskunde worden verwezen, is internationale samenwerking onmisbaar, ook "
                "in opleiding en training."
            ),
            cta(
                "Het symposium",
                "Programma, locatie en organisatoren.",
                "Naar het evenement",
                "event_symposium",
            ),
        ],
    },
    "en": {
        "title": "Looking back: NL-UK Symposium on Nuclear Medicine in London",
        "slug": "looking-back-nl-uk-symposium-london",
        "author": "NMEP editorial team",
        "introduction": "On 19 March 2024 Dutch and British professionals met at Science Gallery London, "
        "during the Dutch innovation mission to the United Kingdom.",
        "tags": ["international", "symposium", "United Kingdom"],
        "body": [
            heading("An innovation mission to the UK"),
            paragraphs(
                "From 18 to 21 March 2024 the Dutch government organised an innovation mission on nuclear "
                "medicine to the United Kingdom, with a delegation of 35 participants from the entire supply "
                "chain. On 19 March the Dutch embassy invited British researchers, clinicians and companies "
                "to a day of discussions and networking.",
                "The “Analysis of the Dutch Nuclear Medicine Ecosystem”, carried out by Technopolis for "
                "FAST, was also released during the mission.",
            ),
            heading("The programme"),
            paragraphs(
                "Government representatives from the Netherlands (Ministry of Health) and the UK (DESNZ, "
                "Welsh Government) set the scene. Then followed the mini-conference “Mobilising cooperation "
                "to overcome challenges in nuclear medicine”, around three questions:",
                bullets(
                    "What are the biggest problems to overcome within the researchers' specialisms and in "
                    "nuclear medicine as a larger field?",
                    "Where do researchers want the field to be in 10-20 years' time?",
                    "What is needed from government, industry, and academia to bridge these problems?",
                ),
                "The day ended with a networking reception.",
            ),
            heading("Why it matters"),
            paragraphs(
                "The Netherlands and the UK each have an excellent track record, from radionuclide "
                "production and radiopharmaceutical development to dosimetry, radiation safety, preclinical "
                "research and clinical trials. With more and more patients referred to nuclear medicine, "
                "international collaboration is essential, in education and training too."
            ),
            cta(
                "The symposium",
                "Programme, venue and organisers.",
                "Go to the event",
                "event_symposium",
            ),
        ],
    },
}

NEWS_POLICY_PLAN = {
    "key": "news_policy_plan",
    "parent": "news",
    "model": NewsPage,
    "fields": {"date": date(2024, 5, 14)},
    "nl": {
        "title": "NVNG-beleidsplan 2023-2027: zichtbaarheid, kennisplatform en (her)registratie",
        "slug": "nvng-beleidsplan-2023-2027",
        "author": "Redactie NMEP",
        "introduction": "Het eerste beleidsplan sinds de oprichting van de Nederlandse Vereniging voor "
        "Nucleaire Geneeskunde in 1968 zet in op zichtbaarheid, samenwerking en kwaliteit. Wat betekent dat "
        "voor onderwijs en bijscholing?",
        "tags": ["NVNG", "beleid", "herregistratie"],
        "body": [
            heading("Een multidisciplinaire vereniging"),
            paragraphs(
                "De NVNG telde op 1 januari 2022 534 leden: nucleair geneeskundigen, nucleair radiologen, "
                "ziekenhuisapothekers, klinisch fysici, (klinisch) radiochemici, radiologen en aios. In 63 "
                "Nederlandse ziekenhuizen is een afdeling nucleaire geneeskunde. Het vakgebied groeit snel: "
                "het aantal PET/CT-scans stijgt met ongeveer 10% per jaar en radionuclidentherapie neemt "
                "naar verwachting sterk toe."
            ),
            heading("Zeven initiatieven"),
            paragraphs(
                numbered(
                    "Imagoverbetering",
                    "Gesprekspartner zijn voor externe stakeholders",
                    "Herpositionering en zichtbaarheid van de nucleair geneeskundig expert, landelijk en "
                    "Europees",
                    "Regiebehandelaarschap",
                    "Oprichten van een kennisplatform",
                    "Professionalisering van de vereniging",
                    "Vertrouwen en verbinding",
                )
            ),
            heading("Website, nieuws en nieuwsbrief"),
            paragraphs(
                "De NVNG wil meer naar buiten treden via de website, sociale media en een reguliere "
                "nieuwsbrief. Commissies en themagroepen krijgen een concrete opdracht en een jaarplan, "
                "leden horen vaker wat er bereikt is, en vacatures worden op de website bekendgemaakt."
            ),
            heading("(Her)registratie en kwaliteit"),
            paragraphs(
                "De vereniging wil de certificering, (her)registratie en kwaliteit van nucleair radiologen "
                "in eigen hand nemen en onderzoekt een periodiek herregistratiesysteem. Dat vraagt om een "
                "helder en erkend aanbod voor bijscholing: precies waar het leerplatform van ons programma "
                "op inspeelt."
            ),
            quote(
                "Nederland is gebaat bij één gemeenschappelijk kennisplatform voor de coördinatie van grote "
                "multicenter wetenschappelijke studies, en voor de ontwikkeling en evaluatie van nieuwe "
                "tracers en methodes.",
                "NVNG, Beleidsplan 2023-2027",
            ),
        ],
    },
    "en": {
        "title": "NVNG policy plan 2023-2027: visibility, a knowledge platform and (re-)registration",
        "slug": "nvng-policy-plan-2023-2027",
        "author": "NMEP editorial team",
        "introduction": "The first policy plan since the Dutch Society of Nuclear Medicine was founded in "
        "1968 focuses on visibility, collaboration and quality. What does it mean for education and "
        "training?",
        "tags": ["NVNG", "policy", "re-registration"],
        "body": [
            heading("A multidisciplinary society"),
            paragraphs(
                "On 1 January 2022 the NVNG had 534 members: nuclear medicine physicians, nuclear "
                "radiologists, hospital pharmacists, clinical physicists, (clinical) radiochemists, "
                "radiologists and residents. 63 Dutch hospitals have a nuclear medicine department. The "
                "field is growing fast: the number of PET/CT scans rises by about 10% a year and "
                "radionuclide therapy is expected to increase sharply."
            ),
            heading("Seven initiatives"),
            paragraphs(
                numbered(
                    "Improving the image of the profession",
                    "Being a partner in dialogue for external stakeholders",
                    "Repositioning and visibility of the nuclear medicine expert, nationally and in Europe",
                    "Taking the lead in treatment with radiopharmaceuticals",
                    "Setting up a knowledge platform",
                    "Professionalising the society",
                    "Trust and connection",
                )
            ),
            heading("Website, news and newsletter"),
            paragraphs(
                "The NVNG wants to be more outward-looking through its website, social media and a regular "
                "newsletter. Committees and theme groups get a concrete assignment and an annual plan, "
                "members hear more often what has been achieved, and vacancies are announced on the website."
            ),
            heading("(Re-)registration and quality"),
            paragraphs(
                "The society wants to take the certification, (re-)registration and quality of nuclear "
                "radiologists into its own hands and is looking into a periodic re-registration system. That "
                "calls for a clear, recognised offer of continuing education: exactly what our programme's "
                "learning platform is for."
            ),
            quote(
                "The Netherlands would benefit from one shared knowledge platform for coordinating large "
                "multicentre studies and for developing and evaluating new tracers and methods.",
                "NVNG, policy plan 2023-2027 (translated from Dutch)",
            ),
        ],
    },
}

NEWS_ROADMAP = {
    "key": "news_roadmap",
    "parent": "news",
    "model": NewsPage,
    "fields": {"date": date(2024, 10, 14)},
    "nl": {
        "title": "Roadmap voor nucleaire geneesmiddelenontwikkeling: vijf hoofdthema's",
        "slug": "roadmap-nucleaire-geneesmiddelenontwikkeling",
        "author": "Redactie NMEP",
        "introduction": "Kwartiermaker Wim Oyen legt de roadmap voor nucleaire geneesmiddelenontwikkeling in "
        "Nederland voor aan het veld. Deze maand wordt hij gepresenteerd tijdens het EANM-congres in "
        "Hamburg.",
        "tags": ["roadmap", "kwartiermaker", "radiofarmaca"],
        "body": [
            heading("Waarom een kwartiermaker?"),
            paragraphs(
                "Prof. dr. Wim Oyen is nucleair geneeskundige in Rijnstate in Arnhem en hoogleraar nucleaire "
                "geneeskunde aan het Radboudumc. In september 2023 stelde de Programmadirectie Medische "
                "Isotopen van het ministerie van VWS hem aan als kwartiermaker.",
                "Nederland is een van de belangrijkste leveranciers van medische isotopen ter wereld. De "
                "Hoge Flux Reactor in Petten is sinds 1962 in gebruik en aan vervanging toe; in september "
                "2022 besloot het kabinet te investeren in de nieuwe reactor PALLAS. Maar een nieuwe reactor "
                "alleen leidt niet vanzelf tot nieuwe nucleaire geneesmiddelen die breed beschikbaar zijn "
                "voor de patiënt. De opdracht van de kwartiermaker: samenhang en samenwerking bevorderen, "
                "zodat nucleaire geneesmiddelen sneller en voor een aanvaardbare prijs in de dagelijkse zorg "
                "komen.",
            ),
            heading("Drie stakeholdertafels"),
            paragraphs(
                "Naast vele individuele gesprekken organiseerde de kwartiermaker, ondersteund door "
                "expertisecentrum FAST, drie stakeholdertafels over fundamenteel, translationeel en klinisch "
                "onderzoek. Aan tafel zaten medische specialisten en onderzoekers uit academische en "
                "topklinische ziekenhuizen, bedrijven, overheid, beroepsverenigingen, subsidieverstrekkers "
                "en consortia zoals LSH en Oncode."
            ),
            heading("Vijf hoofdthema's"),
            paragraphs(
                numbered(
                    "Meer gezamenlijke sturing op onderzoek en ontwikkeling.",
                    "Vraaggestuurde radiofarmaca-ontwikkeling, met meer aandacht voor unmet medical needs.",
                    "Meer strategische samenwerking met partners buiten de nucleaire geneeskunde.",
                    "Duurzame financiering: betere participatie in netwerken en gremia van "
                    "subsidieverstrekkers.",
                    "Grotere bekendheid van nucleaire geneeskunde.",
                )
            ),
            heading("Het veld wordt eigenaar"),
            paragraphs(
                "De eerste verdiepingsstappen per thema zijn gezet in rondetafelgesprekken in maart en april "
                "2024. De roadmap wordt gepresenteerd tijdens de EANM in Hamburg (oktober 2024) en daarna in "
                "Nederland aan een breder publiek uit de Life Sciences and Health-sector. Het "
                "kwartiermakerschap eindigt dit najaar; de bedoeling is dat het veld zelf eigenaar wordt van "
                "de roadmap, met FAST als facilitator, bij voorkeur via een samenwerkingshub.",
                "Voor ons programma is vooral het vijfde thema van belang: wie het vak bekender wil maken, "
                "moet ook investeren in de mensen die het uitoefenen.",
            ),
        ],
    },
    "en": {
        "title": "Roadmap for nuclear drug development: five main themes",
        "slug": "roadmap-nuclear-drug-development",
        "author": "NMEP editorial team",
        "introduction": "Kwartiermaker (quartermaster) Wim Oyen presents the roadmap for nuclear drug "
        "development in the Netherlands to the field. This month it is presented at the EANM congress in "
        "Hamburg.",
        "tags": ["roadmap", "quartermaster", "radiopharmaceuticals"],
        "body": [
            heading("Why a quartermaster?"),
            paragraphs(
                "Prof. Wim Oyen is a nuclear medicine physician at Rijnstate in Arnhem and professor of "
                "nuclear medicine at Radboudumc. In September 2023 the Medical Isotopes Programme "
                "Directorate of the Ministry of Health, Welfare and Sport appointed him as kwartiermaker "
                "(quartermaster).",
                "The Netherlands is one of the world's main suppliers of medical isotopes. The High Flux "
                "Reactor in Petten has been in use since 1962 and is due for replacement; in September 2022 "
                "the government decided to invest in the new PALLAS reactor. But a new reactor alone does "
                "not automatically lead to new nuclear medicines that are widely available to patients. The "
                "quartermaster's task: to promote coherence and collaboration, so that nuclear medicines "
                "reach daily care faster and at an acceptable price.",
            ),
            heading("Three stakeholder tables"),
            paragraphs(
                "Besides many individual conversations, the quartermaster, supported by the expertise centre "
                "FAST, organised three stakeholder tables on fundamental, translational and clinical "
                "research. Medical specialists and researchers from academic and top clinical hospitals, "
                "companies, government, professional societies, funders and consortia such as LSH and Oncode "
                "took part."
            ),
            heading("Five main themes"),
            paragraphs(
                numbered(
                    "More joint direction of research and development.",
                    "Demand-driven radiopharmaceutical development, with more attention for unmet medical "
                    "needs.",
                    "More strategic collaboration with partners outside nuclear medicine.",
                    "Sustainable funding: better participation in the networks and bodies of funders.",
                    "Greater awareness of nuclear medicine.",
                )
            ),
            heading("The field takes ownership"),
            paragraphs(
                "The first in-depth steps per theme were taken in round-table discussions in March and April "
                "2024. The roadmap is presented at the EANM in Hamburg (October 2024) and then in the "
                "Netherlands to a wider audience from the Life Sciences and Health sector. The "
                "quartermaster's term ends this autumn; the intention is for the field itself to own the "
                "roadmap, with FAST as facilitator, preferably through a collaboration hub.",
                "For our programme the fifth theme matters most: making the profession better known also "
                "means investing in the people who practise it.",
            ),
        ],
    },
}

NEWS_REPORT = {
    "key": "news_report",
    "parent": "news",
    "model": NewsPage,
    "fields": {"date": date(2025, 3, 12)},
    "nl": {
        "title": "Zes aanbevelingen om Nederland een hotspot voor nucleaire geneeskunde te maken",
        "slug": "aanbevelingen-nederland-hotspot-nucleaire-geneeskunde",
        "author": "Redactie NMEP",
        "introduction": "Een nieuw rapport bouwt voort op de roadmap nucleaire geneesmiddelenontwikkeling en "
        "stelt een gecoördineerde aanpak voor, met een actieplan, actiegroepen en een stuurgroep met alle "
        "stakeholders.",
        "tags": ["ecosysteem", "human capital", "beleid"],
        "body": [
            paragraphs(
                "Nucleaire geneeskunde zorgt voor een revolutie in de behandeling van agressieve vormen van "
                "kanker, zoals gemetastaseerde prostaatkanker en neuro-endocriene tumoren. Het aantal "
                "mogelijke behandelingen zal naar verwachting vervijfvoudigen. Nederland heeft volgens het "
                "rapport alle ingrediënten om wereldleider te worden, maar dan moeten de uitdagingen nu "
                "worden aangepakt."
            ),
            heading("De zes aanbevelingen"),
            paragraphs(
                numbered(
                    "Verduidelijk de stip op de horizon tot een wervende visie, met SMART-doelstellingen en "
                    "KPI's op een tijdlijn.",
                    "Ontwikkel een geïntegreerd actieplan met concrete acties en duidelijke rollen per "
                    "stakeholdergroep.",
                    "Werk internationaal samen, met name met België.",
                    "Breng alle stakeholders samen om vertrouwen op te bouwen, te leren en te co-creëren.",
                    "Breng al het werk tot nu toe samen en regisseer het proces, met een stuurgroep waarin "
                    "alle stakeholders vertegenwoordigd zijn.",
                    "Zet actiegroepen op om het actieplan uit te voeren en realiseer quick wins.",
                )
            ),
            heading("Zes stakeholdergroepen"),
            paragraphs(
                "Overheden, zorgverleners, onderzoekers, isotopenproductie, patiëntenorganisaties en "
                "bedrijven dragen samen verantwoordelijkheid. Een stuurgroep met een evenwichtige "
                "vertegenwoordiging en een neutrale voorzitter overlegt elk kwartaal; een operationele "
                "stuurgroep van de actiegroepleiders overlegt maandelijks. Multi-stakeholder rondetafels "
                "werken het actieplan uit."
            ),
            heading("Een tekort aan professionals"),
            paragraphs(
                "Tussen de structurele tekortkomingen noemt het rapport naast financiering, regelgeving en "
                "ondernemerschap uitdrukkelijk een gebrek aan gekwalificeerde professionals, met name artsen "
                "gespecialiseerd in nucleaire geneeskunde. Professionele training en licenties voor "
                "zorgverleners staan daarom als actie in het voorgestelde actieplan."
            ),
            quote(
                "Er moeten geharmoniseerde opleidingen en betere carrièreperspectieven komen om nieuwe "
                "professionals te motiveren om zich te specialiseren in nucleaire geneeskunde.",
                "Aanbevelingen voor het vervolgtraject om Nederland als een hotspot voor nucleaire "
                "geneeskunde te positioneren",
            ),
            cta(
                "Onze gap-analyse",
                "Hoe we de tekorten in kennis en vaardigheden in kaart brengen.",
                "Lees meer",
                "gap_analysis",
            ),
        ],
    },
    "en": {
        "title": "Six recommendations to make the Netherlands a nuclear medicine hotspot",
        "slug": "recommendations-netherlands-nuclear-medicine-hotspot",
        "author": "NMEP editorial team",
        "introduction": "A new report builds on the roadmap for nuclear drug development and proposes a "
        "coordinated approach, with an action plan, action groups and a steering group of all stakeholders.",
        "tags": ["ecosystem", "human capital", "policy"],
        "body": [
            paragraphs(
                "Nuclear medicine is revolutionising the treatment of aggressive forms of cancer, such as "
                "metastatic prostate cancer and neuroendocrine tumours. The number of possible treatments is "
                "expected to increase fivefold. According to the report the Netherlands has all the "
                "ingredients to become a world leader, provided the challenges are tackled now."
            ),
            heading("The six recommendations"),
            paragraphs(
                numbered(
                    "Sharpen the dot on the horizon into a compelling vision, with SMART goals and KPIs on a "
                    "timeline.",
                    "Develop an integrated action plan with concrete actions and clear roles for each "
                    "stakeholder group.",
                    "Collaborate internationally, in particular with Belgium.",
                    "Bring all stakeholders together to build trust, learn and co-create.",
                    "Consolidate all work done so far and direct the process, with a steering group "
                    "representing all stakeholders.",
                    "Set up action groups to carry out the action plan and achieve quick wins.",
                )
            ),
            heading("Six stakeholder groups"),
            paragraphs(
                "Governments, care providers, researchers, isotope production, patient organisations and "
                "companies share the responsibility. A steering group with a balanced representation and a "
                "neutral chair meets quarterly; an operational steering group of the action group leaders "
                "meets monthly. Multi-stakeholder round tables work out the action plan."
            ),
            heading("A shortage of professionals"),
            paragraphs(
                "Among the structural shortcomings the report names, besides funding, regulation and "
                "entrepreneurship, a lack of qualified professionals, in particular physicians specialised "
                "in nuclear medicine. Professional training and licensing for care providers is therefore "
                "one of the actions in the proposed action plan."
            ),
            quote(
                "Harmonised training and better career prospects are needed to motivate new professionals to "
                "specialise in nuclear medicine.",
                "Recommendations for positioning the Netherlands as a hotspot for nuclear medicine "
                "(translated from Dutch)",
            ),
            cta(
                "Our gap analysis",
                "How we map the gaps in knowledge and skills.",
                "Read more",
                "gap_analysis",
            ),
        ],
    },
}

NEWS_LAUNCH = {
    "key": "news_launch",
    "parent": "news",
    "model": NewsPage,
    "fields": {"date": date(2025, 9, 15)},
    "nl": {
        "title": "Nuclear Medicine Education Program van start",
        "slug": "nuclear-medicine-education-program-van-start",
        "author": "Redactie NMEP",
        "introduction": "TU Delft en Radboudumc starten binnen het DECISIVE-consortium een programma voor "
        "een leven lang leren in de nucleaire geneeskunde.",
        "tags": ["programma", "LLO", "onderwijs"],
        "body": [
            paragraphs(
                "De nucleaire geneeskunde ontwikkelt zich snel, vooral door nieuwe therapeutische "
                "toepassingen. Human capital is een van de belangrijkste uitdagingen voor verdere groei, "
                "terwijl veel onderwijs in het vakgebied versnipperd is. Het Nuclear Medicine Education "
                "Program wil daar verandering in brengen."
            ),
            heading("Twee perspectieven, één programma"),
            paragraphs(
                "TU Delft brengt de technische en fysische kant van het vak in, Radboudumc de biologische en "
                "klinische. Het programma wordt geleid door academische instellingen, maar omvat het hele "
                "maatschappelijke en industriële spectrum van het veld."
            ),
            heading("Vier doelstellingen"),
            paragraphs(
                bullets(
                    "een veldcommissie met vertegenwoordigers van academie, maatschappelijke partners en "
                    "industrie;",
                    "een leerplatform dat onderwijs en training coördineert en centraliseert;",
                    "een gap-analyse van huidige en verwachte tekorten in kennis en vaardigheden;",
                    "een community van stakeholders over de volle breedte van het vakgebied.",
                )
            ),
            heading("Op deze website"),
            paragraphs(
                "Hier vind je voortaan nieuws, evenementen en een overzicht van organisaties in het veld. "
                "Via de nieuwsbrief blijf je op de hoogte; je aanmelding bevestig je eerst via een link in "
                "je e-mail."
            ),
            cta(
                "Over het programma",
                "Missie, achtergrond en partners.",
                "Lees meer",
                "about",
            ),
        ],
    },
    "en": {
        "title": "Nuclear Medicine Education Program launched",
        "slug": "nuclear-medicine-education-program-launched",
        "author": "NMEP editorial team",
        "introduction": "TU Delft and Radboudumc launch a lifelong learning programme for nuclear medicine "
        "within the DECISIVE consortium.",
        "tags": ["programme", "lifelong learning", "education"],
        "body": [
            paragraphs(
                "Nuclear medicine is developing rapidly, particularly through new therapeutic applications. "
                "Human capital is one of the key challenges for further growth, while much of the education "
                "in the field is fragmented. The Nuclear Medicine Education Program sets out to change that."
            ),
            heading("Two perspectives, one programme"),
            paragraphs(
                "TU Delft contributes the technical and physical side of the profession, Radboudumc the "
                "biological and clinical side. The programme is led by academic institutions but spans the "
                "entire societal and industrial spectrum of the field."
            ),
            heading("Four objectives"),
            paragraphs(
                bullets(
                    "a field committee with representatives from academia, societal partners and industry;",
                    "a learning platform that coordinates and centralises education and training;",
                    "a gap analysis of current and anticipated knowledge and skills gaps;",
                    "a stakeholder community across the full breadth of the field.",
                )
            ),
            heading("On this website"),
            paragraphs(
                "From now on you will find news, events and a directory of organisations in the field here. "
                "The newsletter keeps you informed; you confirm your subscription through a link in your "
                "e-mail first."
            ),
            cta(
                "About the programme",
                "Mission, background and partners.",
                "Read more",
                "about",
            ),
        ],
    },
}

NEWS_FIELD_COMMITTEE = {
    "key": "news_field_committee",
    "parent": "news",
    "model": NewsPage,
    "fields": {"date": date(2025, 11, 3)},
    "nl": {
        "title": "Veldcommissie in oprichting: we zoeken leden",
        "slug": "veldcommissie-zoekt-leden",
        "author": "Redactie NMEP",
        "introduction": "Voor de veldcommissie van het programma zoeken we vertegenwoordigers uit de "
        "academische wereld, maatschappelijke partners en industrie.",
        "tags": ["veldcommissie", "vacature"],
        "body": [
            paragraphs(
                "De veldcommissie bewaakt dat het programma aansluit bij de prioriteiten van het hele veld. "
                "Ze adviseert over de gap-analyse, het aanbod op het leerplatform en de evenementen."
            ),
            heading("Wie we zoeken"),
            paragraphs(
                bullets(
                    "professionals uit ziekenhuizen: nucleair geneeskundigen, nucleair radiologen, klinisch "
                    "fysici, ziekenhuisapothekers en radiochemici;",
                    "onderzoekers en opleiders van universiteiten en umc's;",
                    "vertegenwoordigers van isotopenproductie en bedrijven;",
                    "vertegenwoordigers van patiëntenorganisaties en overheid.",
                )
            ),
            heading("Wat het vraagt"),
            paragraphs(
                "De commissie krijgt een concrete opdracht en een jaarplan, en rapporteert over haar "
                "voortgang op deze website. Ze vergadert elk kwartaal, grotendeels online."
            ),
            cta(
                "Aanmelden of vragen?",
                "Stuur ons een bericht.",
                "Neem contact op",
                "contact",
            ),
        ],
    },
    "en": {
        "title": "Field committee being formed: we are looking for members",
        "slug": "field-committee-seeks-members",
        "author": "NMEP editorial team",
        "introduction": "For the programme's field committee we are looking for representatives from "
        "academia, societal partners and industry.",
        "tags": ["field committee", "vacancy"],
        "body": [
            paragraphs(
                "The field committee makes sure the programme matches the priorities of the whole field. It "
                "advises on the gap analysis, the offer on the learning platform and the events."
            ),
            heading("Whom we are looking for"),
            paragraphs(
                bullets(
                    "hospital professionals: nuclear medicine physicians, nuclear radiologists, clinical "
                    "physicists, hospital pharmacists and radiochemists;",
                    "researchers and educators from universities and university medical centres;",
                    "representatives of isotope production and companies;",
                    "representatives of patient organisations and government.",
                )
            ),
            heading("What it takes"),
            paragraphs(
                "The committee gets a concrete assignment and an annual plan, and reports on its progress on "
                "this website. It meets quarterly, mostly online."
            ),
            cta(
                "Apply or ask a question?",
                "Send us a message.",
                "Get in touch",
                "contact",
            ),
        ],
    },
}

EVENTS = {
    "key": "events",
    "parent": "home",
    "model": EventIndexPage,
    "menu": True,
    "nl": {
        "title": "Evenementen",
        "slug": "evenementen",
        "introduction": "Symposia, rondetafels en bijeenkomsten voor iedereen die in de nucleaire "
        "geneeskunde werkt.",
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "introduction": "Symposia, round tables and meetings for everyone who works in nuclear medicine.",
    },
}

EVENT_SYMPOSIUM = {
    "key": "event_symposium",
    "parent": "events",
    "model": EventPage,
    "fields": {
        "start": datetime(2024, 3, 19, 9, 0, tzinfo=LONDON),
        "end": datetime(2024, 3, 19, 19, 30, tzinfo=LONDON),
        "time_zone": "Europe/London",
        "venue": "Science Gallery London",
        "address": "Great Maze Pond, London SE1 9GU",
        "organisers": ["Embassy of the Kingdom of the Netherlands in the UK"],
        "contact_name": "Iris Leussink",
        "contact_email": "iris.leussink@minbuza.nl",
        "registration_enabled": False,
        "registration_deadline": datetime(2024, 3, 1, 23, 59, tzinfo=LONDON),
        "programme": SYMPOSIUM_PROGRAMME,
    },
    "nl": {
        "title": "NL-UK Symposium on Nuclear Medicine",
        "slug": "nl-uk-symposium-nucleaire-geneeskunde-2024",
        "introduction": "Een dag van discussie en netwerken voor Nederlandse en Britse professionals in de "
        "nucleaire geneeskunde, tijdens de Nederlandse innovatiemissie naar het Verenigd Koninkrijk. Het "
        "programma was in het Engels.",
        "body": [
            heading("Over het symposium"),
            paragraphs(
                "Nucleaire geneeskunde is een vaste waarde in de klinische zorg geworden, eerst met "
                "diagnostiek met medische radio-isotopen en nu met de ontwikkeling van therapeutische "
                "toepassingen. Daardoor wordt een sterke groei van het aantal verwezen patiënten verwacht. "
                "Samenwerking tussen stakeholders, ook internationaal, is daarvoor essentieel.",
                "Van 18 tot en met 21 maart 2024 organiseerde de Nederlandse overheid een innovatiemissie "
                "naar het Verenigd Koninkrijk, met een delegatie van 35 deelnemers uit de hele keten. De "
                "ambassade nodigde Britse onderzoekers, clinici en bedrijven uit om zich voor deze dag bij "
                "de delegatie aan te sluiten.",
                "Aanmelden ging per e-mail bij Iris Leussink, vóór vrijdag 1 maart 2024.",
            ),
        ],
    },
    "en": {
        "title": "NL-UK Symposium on Nuclear Medicine",
        "slug": "nl-uk-symposium-nuclear-medicine-2024",
        "introduction": "A day of discussions and networking for Dutch and British professionals in nuclear "
        "medicine, during the Dutch innovation mission to the United Kingdom.",
        "body": [
            heading("About the symposium"),
            paragraphs(
                "Nuclear medicine procedures have become an asset to clinical healthcare, first with the "
                "large-scale implementation of diagnostics using medical radioisotopes, and now with the "
                "development of therapeutic nuclear medicine. Significant growth in the number of patients "
                "referred to nuclear medicine is expected. Collaboration between stakeholders, including "
                "international collaboration, is essential.",
                "From 18 to 21 March 2024 the Dutch government organised an innovation mission to the UK on "
                "nuclear medicine, with a delegation of 35 participants from the entire supply chain. The "
                "embassy invited British researchers, clinicians and industry to join the delegation for "
                "this day.",
                "Registration of interest was by e-mail to Iris Leussink, before Friday 1 March 2024.",
            ),
        ],
    },
}

ROUND_TABLE = {
    "key": "event_round_table",
    "parent": "events",
    "model": EventPage,
    "fields": {
        "start": days_ahead(60, 13),
        "end": days_ahead(60, 17),
        "venue": "TU Delft Reactor Institute",
        "address": "Mekelweg 15, Delft",
        # One organiser only: with two or more, Organisation's Lower("name") ordering makes
        # modelcluster fail (TypeError) whenever the page is rebuilt from a revision.
        "organisers": ["TU Delft", "Radboudumc", "DECISIVE consortium"],
        "contact_name": "Nuclear Medicine Education Program",
        "contact_email": "info@example.org",
        "registration_enabled": True,
        "registration_deadline": days_ahead(53, 13),
        "capacity": 60,
    },
    "nl": {
        "title": "Rondetafel: opleiding en human capital in de nucleaire geneeskunde",
        "slug": "rondetafel-opleiding-en-human-capital",
        "introduction": "Een middag om met het hele veld te bespreken hoe we het tekort aan gekwalificeerde "
        "professionals aanpakken, en wat onderwijs, bijscholing en (her)registratie daaraan kunnen "
        "bijdragen.",
        "programme": ROUND_TABLE_PROGRAMME,
        "body": [
            heading("Waarom deze rondetafel?"),
            paragraphs(
                "Het rapport over Nederland als hotspot voor nucleaire geneeskunde noemt een tekort aan "
                "gekwalificeerd personeel een kritieke belemmering, en beveelt multi-stakeholder rondetafels "
                "aan om het actieplan samen uit te werken. In deze rondetafel doen we dat voor opleiding en "
                "human capital.",
                "TU Delft ontvangt de deelnemers in het Reactor Instituut; het programma wordt samen met "
                "Radboudumc en de partners in DECISIVE voorbereid.",
            ),
            heading("Voor wie?"),
            paragraphs(
                "Voor vertegenwoordigers van alle zes stakeholdergroepen: overheden, zorgverleners, "
                "onderzoekers, isotopenproductie, patiëntenorganisaties en bedrijven. Er zijn 60 plaatsen; "
                "aanmelden kan tot een week voor de bijeenkomst."
            ),
            heading("Wat er met de uitkomsten gebeurt"),
            paragraphs(
                "De uitkomsten gaan naar de gap-analyse en de veldcommissie, en vormen de basis voor de "
                "eerste leerlijnen op het leerplatform. We doen verslag op deze website."
            ),
        ],
    },
    "en": {
        "title": "Round table: education and human capital in nuclear medicine",
        "slug": "round-table-education-and-human-capital",
        "introduction": "An afternoon to discuss with the whole field how to tackle the shortage of "
        "qualified professionals, and what education, continuing training and (re-)registration can "
        "contribute. The meeting is in Dutch.",
        "programme": ROUND_TABLE_PROGRAMME_EN,
        "body": [
            heading("Why this round table?"),
            paragraphs(
                "The report on the Netherlands as a nuclear medicine hotspot names a shortage of qualified "
                "staff as a critical bottleneck, and recommends multi-stakeholder round tables to work out "
                "the action plan together. In this round table we do that for education and human capital.",
                "TU Delft hosts the participants at its Reactor Institute; the programme is prepared "
                "together with Radboudumc and the partners in DECISIVE.",
            ),
            heading("Who should come?"),
            paragraphs(
                "Representatives of all six stakeholder groups: governments, care providers, researchers, "
                "isotope production, patient organisations and companies. There are 60 places; registration "
                "closes one week before the meeting."
            ),
            heading("What happens with the results"),
            paragraphs(
                "The results feed into the gap analysis and the field committee, and form the basis for the "
                "first learning tracks on the learning platform. We will report on this website."
            ),
        ],
    },
}

ORGANISATIONS_PAGE = {
    "key": "organisations",
    "parent": "home",
    "model": OrganisationIndexPage,
    "menu": True,
    "nl": {
        "title": "Organisaties",
        "slug": "organisaties",
        "introduction": "Het veld van de nucleaire geneeskunde: overheden, zorgverleners, onderzoekers, "
        "isotopenproducenten, patiëntenorganisaties, bedrijven en onderwijsinstellingen.",
    },
    "en": {
        "title": "Organisations",
        "slug": "organisations",
        "introduction": "The field of nuclear medicine: governments, care providers, researchers, isotope "
        "producers, patient organisations, companies and educational institutions.",
    },
}

PARTNERS = {
    "key": "partners",
    "parent": "home",
    "model": StandardPage,
    "nl": {
        "title": "Partners",
        "slug": "partners",
        "introduction": "Het programma is een initiatief van TU Delft en Radboudumc, binnen het nationale "
        "consortium DECISIVE.",
        "body": [
            table(
                "Wie het programma dragen",
                [
                    ["Partner", "Rol", "Perspectief"],
                    [
                        "TU Delft",
                        "Penvoerder, samen met Radboudumc",
                        "Technisch en fysisch",
                    ],
                    [
                        "Radboudumc",
                        "Penvoerder, samen met TU Delft",
                        "Biologisch en klinisch",
                    ],
                    [
                        "DECISIVE",
                        "Nationaal consortium",
                        "Academie, maatschappelijke partners en industrie",
                    ],
                ],
            ),
            heading("TU Delft"),
            paragraphs(
                "TU Delft brengt de technische en fysische kennis in: van de productie van isotopen tot "
                "meten, beeldvorming en stralingsbescherming."
            ),
            heading("Radboudumc"),
            paragraphs(
                "Radboudumc brengt het biologische en klinische perspectief in: radiofarmaca, translationeel "
                "en klinisch onderzoek, en de zorg voor de patiënt."
            ),
            heading("DECISIVE"),
            paragraphs(
                "Het nationale consortium DECISIVE brengt academische partners, maatschappelijke "
                "organisaties en industrie samen om de uitdagingen van de nucleaire geneeskunde aan te "
                "pakken. Het programma maakt daar deel van uit."
            ),
            cta(
                "Het hele veld",
                "Alle organisaties, per stakeholdergroep.",
                "Bekijk de organisaties",
                "organisations",
            ),
        ],
    },
    "en": {
        "title": "Partners",
        "slug": "partners",
        "introduction": "The programme is an initiative of TU Delft and Radboudumc, within the national "
        "DECISIVE consortium.",
        "body": [
            table(
                "Who carries the programme",
                [
                    ["Partner", "Role", "Perspective"],
                    [
                        "TU Delft",
                        "Lead, together with Radboudumc",
                        "Technical and physical",
                    ],
                    [
                        "Radboudumc",
                        "Lead, together with TU Delft",
                        "Biological and clinical",
                    ],
                    [
                        "DECISIVE",
                        "National consortium",
                        "Academia, societal partners and industry",
                    ],
                ],
            ),
            heading("TU Delft"),
            paragraphs(
                "TU Delft contributes technical and physical knowledge: from the production of isotopes to "
                "measurement, imaging and radiation protection."
            ),
            heading("Radboudumc"),
            paragraphs(
                "Radboudumc contributes the biological and clinical perspective: radiopharmaceuticals, "
                "translational and clinical research, and patient care."
            ),
            heading("DECISIVE"),
            paragraphs(
                "The national DECISIVE consortium brings together academic partners, societal organisations "
                "and industry to address the challenges facing nuclear medicine. The programme is part of it."
            ),
            cta(
                "The whole field",
                "All organisations, by stakeholder group.",
                "See the organisations",
                "organisations",
            ),
        ],
    },
}

CONTACT = {
    "key": "contact",
    "parent": "home",
    "model": StandardPage,
    "menu": True,
    "nl": {
        "title": "Contact",
        "slug": "contact",
        "introduction": "Vragen over het programma, de veldcommissie of een evenement? Neem contact met ons "
        "op.",
        "body": [
            heading("Bereikbaarheid"),
            paragraphs(
                'E-mail: <a href="mailto:info@example.org">info@example.org</a>',
                "Nuclear Medicine Education Program<br>TU Delft / Radboudumc",
            ),
            heading("Nieuwsbrief"),
            paragraphs(
                "Meld je aan via de link onderaan elke pagina. Je ontvangt eerst een e-mail om je aanmelding "
                "te bevestigen; afmelden kan met de link in elke nieuwsbrief."
            ),
            heading("Evenementen"),
            paragraphs(
                "Voor vragen over een evenement staat de contactpersoon op de pagina van dat evenement."
            ),
            cta(
                "Privacy",
                "Hoe we met je gegevens omgaan.",
                "Lees de privacyverklaring",
                "privacy",
            ),
        ],
    },
    "en": {
        "title": "Contact",
        "slug": "contact",
        "introduction": "Questions about the programme, the field committee or an event? Get in touch.",
        "body": [
            heading("How to reach us"),
            paragraphs(
                'E-mail: <a href="mailto:info@example.org">info@example.org</a>',
                "Nuclear Medicine Education Program<br>TU Delft / Radboudumc",
            ),
            heading("Newsletter"),
            paragraphs(
                "Subscribe with the link at the bottom of every page. You first receive an e-mail to confirm "
                "your subscription; you can unsubscribe with the link in every newsletter."
            ),
            heading("Events"),
            paragraphs("For questions about an event, see the contact person on that event's page."),
            cta(
                "Privacy",
                "How we handle your data.",
                "Read the privacy statement",
                "privacy",
            ),
        ],
    },
}

PRIVACY = {
    "key": "privacy",
    "parent": "home",
    "model": StandardPage,
    "nl": {
        "title": "Privacyverklaring",
        "slug": "privacy",
        "introduction": "Hoe het Nuclear Medicine Education Program omgaat met de persoonsgegevens die je op "
        "deze website achterlaat.",
        "body": [
            heading("Wie is verantwoordelijk?"),
            paragraphs(
                "Het Nuclear Medicine Education Program (TU Delft / Radboudumc) is verantwoordelijk voor de "
                "gegevens op deze website. Vragen kun je sturen naar <a "
                'href="mailto:info@example.org">info@example.org</a>.'
            ),
            heading("Aanmelden voor een evenement"),
            paragraphs(
                "We bewaren je naam, e-mailadres, organisatie, de taal van de website en, als je die invult, "
                "wensen voor dieet of toegankelijkheid. We gebruiken die alleen om het evenement te "
                "organiseren en je te informeren, en delen ze alleen met de organisatoren van dat evenement. "
                "Je ontvangt een bevestiging per e-mail. We verwijderen de gegevens 90 dagen na afloop."
            ),
            heading("Nieuwsbrief"),
            paragraphs(
                "Voor de nieuwsbrief bewaren we je e-mailadres, je taal en wanneer je je aan- of afmeldde. We"
                " werken met een dubbele opt-in: je ontvangt pas nieuwsbrieven nadat je je aanmelding hebt "
                "bevestigd via de link in onze e-mail. Die link is zeven dagen geldig. Afmelden kan altijd "
                "met de link onderaan elke nieuwsbrief."
            ),
            heading("Account, cursussen en certificaten"),
            paragraphs(
                "Voor een account bewaren we je e-mailadres, je wachtwoord (versleuteld), je naam zoals die "
                "op certificaten moet staan, je beroep en, als je dat invult, je BIG- of registernummer. Bij "
                "cursussen bewaren we je inschrijvingen, de lessen die je hebt afgerond, je quizpogingen en "
                "je certificaten. Wie de verificatiecode van een certificaat kent, ziet op de "
                "verificatiepagina je naam, de cursus, de datum en de accreditatiepunten: zo kan een register"
                " het certificaat controleren. Een account dat niet binnen 14 dagen is bevestigd, verwijderen"
                " we. Mislukte inlogpogingen bewaren we 30 dagen om misbruik te weren."
            ),
            heading("Vragenlijsten"),
            paragraphs(
                "Je antwoorden op een gap-analyse gebruiken we alleen samengevoegd: rapporten tonen geen "
                "cijfers over minder dan vijf deelnemers. Bij een anonieme vragenlijst bewaren we niets "
                "waarmee je antwoorden tot jou te herleiden zijn. Vul je een vragenlijst die niet anoniem is "
                "in terwijl je bent ingelogd, dan bewaren we je antwoorden bij je account (voor je eigen "
                "aanbevelingen); aan je antwoorden in eerdere en latere rondes koppelen we ze alleen als je "
                "daar toestemming voor geeft. Een niet afgemaakte vragenlijst bewaren we "
                "30 dagen, zodat je later verder kunt; daarna verwijderen we die."
            ),
            heading("Commissies en vacatures"),
            paragraphs(
                "Van leden van de veldcommissie en de werkgroepen tonen we naam, functie, organisatie en rol."
                " Een sollicitatie op een vacature (naam, e-mailadres, organisatie en motivatie) bewaren we "
                "tot 180 dagen na de sluitingsdatum. Aanmeldingen voor een evenement verwijderen we 90 dagen "
                "na afloop."
            ),
            heading("Cookies"),
            paragraphs(
                "Deze website gebruikt alleen cookies die nodig zijn om de site en formulieren veilig te "
                "laten werken. We gebruiken geen cookies voor advertenties of om je te volgen."
            ),
            heading("Je rechten"),
            paragraphs(
                "Je kunt je gegevens inzien, laten corrigeren of laten verwijderen. Met een account download "
                "je zelf alles wat we over je bewaren via Mijn gegevens in je leeromgeving. Voor correctie of"
                " verwijdering stuur je een e-mail naar <a "
                'href="mailto:info@example.org">info@example.org</a>. Bij verwijdering blijven je antwoorden '
                "op vragenlijsten zonder enige koppeling aan jou in de statistieken, en worden je "
                "certificaten ingetrokken. Ben je niet tevreden over hoe we met je gegevens omgaan, dan kun "
                "je een klacht indienen bij de Autoriteit Persoonsgegevens."
            ),
        ],
    },
    "en": {
        "title": "Privacy statement",
        "slug": "privacy",
        "introduction": "How the Nuclear Medicine Education Program handles the personal data you leave on "
        "this website.",
        "body": [
            heading("Who is responsible?"),
            paragraphs(
                "The Nuclear Medicine Education Program (TU Delft / Radboudumc) is responsible for the data "
                "on this website. Send your questions to <a "
                'href="mailto:info@example.org">info@example.org</a>.'
            ),
            heading("Registering for an event"),
            paragraphs(
                "We store your name, e-mail address, organisation, the language of the website and, if you "
                "give them, dietary or accessibility needs. We use them only to organise the event and keep "
                "you informed, and share them only with the organisers of that event. You receive a "
                "confirmation by e-mail. We delete the data 90 days after the event."
            ),
            heading("Newsletter"),
            paragraphs(
                "For the newsletter we store your e-mail address, your language and when you subscribed or "
                "unsubscribed. We use double opt-in: you only receive newsletters after confirming your "
                "subscription with the link in our e-mail. That link is valid for seven days. You can always "
                "unsubscribe with the link at the bottom of every newsletter."
            ),
            heading("Account, courses and certificates"),
            paragraphs(
                "For an account we store your e-mail address, your password (hashed), your name as it must "
                "appear on certificates, your profession and, if you give it, your BIG or register number. "
                "For courses we store your enrolments, the lessons you completed, your quiz attempts and your"
                " certificates. Whoever has a certificate's verification code sees your name, the course, the"
                " date and the accreditation points on the verification page, so that a register can check "
                "the certificate. An account not confirmed within 14 days is deleted. Failed login attempts "
                "are kept for 30 days to keep out abuse."
            ),
            heading("Questionnaires"),
            paragraphs(
                "Your answers to a gap analysis are only used together with others: reports show no figures "
                "about fewer than five respondents. For an anonymous questionnaire we keep nothing that links"
                " your answers to you. If you answer a questionnaire that is not anonymous while logged in, "
                "we keep your answers with your account (for your own recommendations); we link them to your "
                "answers in earlier and later waves only if you agree to that. An unfinished questionnaire "
                "is kept for 30 days so that you can resume it; then it is deleted."
            ),
            heading("Committees and vacancies"),
            paragraphs(
                "For members of the field committee and its groups we show name, title, organisation and "
                "role. An application for a vacancy (name, e-mail address, organisation and motivation) is "
                "kept until 180 days after the closing date. Event registrations are deleted 90 days after "
                "the event."
            ),
            heading("Cookies"),
            paragraphs(
                "This website only uses cookies needed to make the site and its forms work securely. We do "
                "not use cookies for advertising or tracking."
            ),
            heading("Your rights"),
            paragraphs(
                "You can see, correct or delete your data. With an account you download everything we keep "
                "about you yourself, under My data in your learning environment. To correct or delete it, "
                'send an e-mail to <a href="mailto:info@example.org">info@example.org</a>. On deletion your '
                "questionnaire answers stay in the statistics without any link to you, and your certificates "
                "are withdrawn. If you are not satisfied with how we handle your data, you can file a "
                "complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens)."
            ),
        ],
    },
}

PAGES = [
    ABOUT,
    OBJECTIVES,
    FIELD_COMMITTEE,
    LEARNING_PLATFORM,
    GAP_ANALYSIS,
    COMMUNITY,
    NEWS,
    NEWS_SYMPOSIUM,
    NEWS_POLICY_PLAN,
    NEWS_ROADMAP,
    NEWS_REPORT,
    NEWS_LAUNCH,
    NEWS_FIELD_COMMITTEE,
    EVENTS,
    EVENT_SYMPOSIUM,
    ROUND_TABLE,
    ORGANISATIONS_PAGE,
    PARTNERS,
    CONTACT,
    PRIVACY,
]
SPECS = {spec["key"]: spec for spec in [HOME, *PAGES]}

# Fields that may point at pages made later in the same run: set once every page exists.
LATE_FIELDS = {"body", "objectives", "hero_link_id"}

SITE_SETTINGS = {
    "contact_email": "info@example.org",
    "address": "Nuclear Medicine Education Program\nTU Delft / Radboudumc",
}

ACCOUNTS = [
    ("admin", "nmep-demo-admin", None),
    ("editor", "nmep-demo-editor", "Editors"),
    ("moderator", "nmep-demo-moderator", "Moderators"),
    ("analyst", "nmep-demo-analyst", "Survey analysts"),
]


# Storing content.


def resolve(value, pages):
    """The value with every Ref replaced by a page id and every run-time value computed."""
    if isinstance(value, Ref):
        return pages[value.key].pk
    if isinstance(value, dict):
        return {key: resolve(item, pages) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, pages) for item in value]
    return value() if callable(value) else value


def set_tags(page, names):
    page.tags.set(names)


def set_programme(page, rows):
    page.programme = [EventProgrammeItem(**row) for row in rows]


def set_organisers(page, names):
    page.organisers.set(Organisation.objects.filter(name__in=names))


SETTERS = {"tags": set_tags, "programme": set_programme, "organisers": set_organisers}


def assign(page, fields, pages):
    for name, value in resolve(fields, pages).items():
        if name in SETTERS:
            SETTERS[name](page, value)
        else:
            setattr(page, name, value)


def publish(page, fields, pages):
    # Load it anew: children added and parents renamed since it was loaded left its tree fields
    # (numchild, url_path) stale, and publishing the revision would write them back.
    page = page.specific_class.objects.get(pk=page.pk)
    assign(page, fields, pages)
    page.save_revision().publish()


def dutch_fields(spec):
    return {**spec.get("fields", {}), **spec["nl"]}


def early_fields(fields):
    return {name: value for name, value in fields.items() if name not in LATE_FIELDS}


def find_child(parent, slug):
    return parent.get_children().filter(slug=slug, locale_id=parent.locale_id).specific().first()


def add_page(parent, spec):
    """A draft page with everything but its links to other pages; it is published later."""
    page = spec["model"](show_in_menus=spec.get("menu", False), live=False)
    assign(page, early_fields(dutch_fields(spec)), {})
    parent.add_child(instance=page)
    return page


# The steps.


def ensure_locales():
    return [Locale.objects.get_or_create(language_code=code)[0] for code in ("nl", "en")]


def load_organisations():
    created = 0
    for name, group, city, website in ORGANISATIONS:
        defaults = {"group": group, "city": city, "website": website}
        created += Organisation.objects.get_or_create(name=name, defaults=defaults)[1]
    return created


def default_site():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CommandError("There is no default site; run the migrations first.")
    return site


def create_dutch_pages(home):
    """Returns every Dutch page by key, and how many were new."""
    pages, created = {"home": home}, []
    for spec in PAGES:
        page = find_child(pages[spec["parent"]], spec["nl"]["slug"])
        if page is None:
            page = add_page(pages[spec["parent"]], spec)
            created.append(spec)
        pages[spec["key"]] = page
    for spec in created:
        publish(pages[spec["key"]], dutch_fields(spec), pages)
    return pages, len(created)


def fill_home(home, pages):
    # An empty hero text means the page is still the placeholder the migration made.
    if home.hero_text:
        return False
    publish(home, HOME["nl"], pages)
    return True


def fill_site_settings(site, privacy_page):
    values = {**SITE_SETTINGS, "privacy_page": privacy_page}
    site_settings = SiteSettings.for_site(site)
    blank = [name for name in values if not getattr(site_settings, name)]
    for name in blank:
        setattr(site_settings, name, values[name])
    if blank:
        site_settings.save()
    return blank


def translate_pages(pages, locale):
    """Translate the home page first and parents before children; returns how many were new."""
    translations, created = {}, []
    for key in SPECS:
        page = pages[key].get_translation_or_none(locale)
        if page is None:
            page = pages[key].copy_for_translation(locale, copy_parents=True)
            created.append(key)
        translations[key] = page
    for key in created:
        publish(translations[key], SPECS[key]["en"], translations)
    return len(created)


def ensure_account(username, password, group_name):
    is_admin = group_name is None
    defaults = {
        "email": f"{username}@example.org",
        "is_superuser": is_admin,
        "is_staff": is_admin,
    }
    user, created = get_user_model().objects.get_or_create(username=username, defaults=defaults)
    if created:
        user.set_password(password)
        user.save()
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return created


class Command(BaseCommand):
    """Loads organisations, the Dutch pages with their English translations, and demo accounts."""

    help = (
        "Fill the site with demo content from the seed documents, in Dutch and English. "
        "Safe to run again: only what is missing is added."
    )

    def handle(self, *args, **options):
        call_command("load_competency_framework", stdout=self.stdout)
        with transaction.atomic():
            __, english = ensure_locales()
            self.stdout.write("Locales: nl, en")
            created = load_organisations()
            self.counted("Organisations", created, len(ORGANISATIONS))
            site = default_site()
            pages = self.dutch_pages(site.root_page.specific)
            self.site_settings(site, pages["privacy"])
            created = translate_pages(pages, english)
            self.counted("Pages (en)", created, len(SPECS))
            self.accounts()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def counted(self, label, created, total):
        self.stdout.write(f"{label}: {created} created, {total - created} already there")

    def dutch_pages(self, home):
        pages, created = create_dutch_pages(home)
        self.counted("Pages (nl)", created, len(PAGES))
        filled = fill_home(home, pages)
        self.stdout.write(f"Home page (nl): {'filled' if filled else 'has content already, left alone'}")
        return pages

    def site_settings(self, site, privacy_page):
        filled = fill_site_settings(site, privacy_page)
        self.stdout.write(f"Site settings: {', '.join(filled) + ' filled' if filled else 'already filled'}")

    def accounts(self):
        if not settings.DEBUG:
            self.stdout.write("Demo accounts: skipped (DEBUG is off)")
            return
        created = sum(ensure_account(*account) for account in ACCOUNTS)
        self.counted("Demo accounts", created, len(ACCOUNTS))
