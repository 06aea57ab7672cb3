"""Demo content for the learning platform: three accredited courses in Dutch and English.

The courses span the programme's two sides: radiation protection for everyone
who works with unsealed sources, [177Lu]Lu-PSMA therapy from the clinical side
(Radboudumc) and PET/CT quantification from the technical side (TU Delft). With
DEBUG on, a demo learner has completed the first course and started the second.
Running the command again adds only what is missing.
"""

import datetime
import uuid
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Site

from home.management.commands.load_demo_content import (
    bullets,
    ensure_account,
    heading,
    numbered,
    paragraphs,
    table,
)
from home.models import Competency
from learning.models import (
    CourseAudience,
    CourseIndexPage,
    CoursePage,
    CourseSignatory,
    Enrolment,
    LearnerProfile,
    LessonPage,
    QuizAttempt,
)


def key_points(title, *points):
    return {"type": "key_points", "value": {"heading": title, "points": list(points)}}


def question(correct, nl, en):
    """A quiz question in both languages: (question, choices, explanation) each, with the same
    choices in the same order, so that ``correct`` (the indexes of the right ones) holds for both."""
    return {"correct": set(correct), "nl": nl, "en": en}


CATALOGUE = {
    "nl": {
        "title": "Cursussen",
        "slug": "cursussen",
        "introduction": "Korte, geaccrediteerde e-learningmodules voor iedereen die in de nucleaire "
        "geneeskunde werkt: van stralingsbescherming tot radionuclidetherapie en kwantitatieve beeldvorming. "
        "Elke cursus sluit af met een toets; wie slaagt, krijgt een certificaat met accreditatiepunten.",
    },
    "en": {
        "title": "Courses",
        "slug": "courses",
        "introduction": "Short, accredited e-learning modules for everyone working in nuclear medicine: from "
        "radiation protection to radionuclide therapy and quantitative imaging. Every course ends with a "
        "quiz; pass it and you receive a certificate with accreditation points.",
    },
}

# An e-learning accreditation runs two years: the demo's started this January, whenever it is loaded.
ACCREDITED_FROM = datetime.date.today().replace(month=1, day=1)
ACCREDITED_UNTIL = ACCREDITED_FROM.replace(year=ACCREDITED_FROM.year + 2) - datetime.timedelta(days=1)

# Fictional people: the programme's two sides sign every certificate.
SIGNATORIES = [
    (
        "prof. dr. ir. M.C. van der Linden",
        {
            "nl": "Programmadirecteur Nuclear Medicine Education Program, TU Delft",
            "en": "Programme director, Nuclear Medicine Education Program, TU Delft",
        },
    ),
    (
        "prof. dr. J.H.W. Bakker",
        {
            "nl": "Programmadirecteur Nuclear Medicine Education Program, Radboudumc",
            "en": "Programme director, Nuclear Medicine Education Program, Radboudumc",
        },
    ),
]


# Course 1: radiation protection, for everyone who works with unsealed sources.

RADIATION_PROTECTION = {
    "key": "radiation-protection",
    "fields": {
        "level": "introductory",
        "duration_minutes": 240,
        "points": Decimal("4"),
        "accrediting_body": "gaia",
        "activity_id": "GAIA-2026-10231",
        "accredited_from": ACCREDITED_FROM,
        "accredited_until": ACCREDITED_UNTIL,
        "pass_mark": 80,
        "attempt_limit": 3,
    },
    "audience": ["technologist", "resident", "radiochemist", "hospital_pharmacist", "researcher"],
    "competencies": [
        "radiation-protection",
        "occupational-monitoring",
        "waste-management",
        "radiation-legislation",
    ],
    "nl": {
        "title": "Stralingsbescherming: de basis",
        "slug": "stralingsbescherming-de-basis",
        "summary": "Wat iedereen die met open radioactieve bronnen werkt moet weten: hoe straling en dosis "
        "samenhangen, hoe u uw blootstelling laag houdt volgens het ALARA-principe, welke dosislimieten in "
        "Nederland gelden en wat u doet bij een besmetting. Voor nieuwe medewerkers in de nucleaire "
        "geneeskunde, het hotlab en het onderzoekslab, en als opfrisser voor ervaren collega's.",
        "learning_objectives": bullets(
            "het verschil uitleggen tussen activiteit, geabsorbeerde dosis, equivalente dosis en effectieve "
            "dosis;",
            "tijd, afstand en afscherming toepassen om uw eigen dosis en die van collega's te beperken;",
            "de Nederlandse dosislimieten voor blootgestelde werknemers en leden van de bevolking noemen;",
            "een kleine besmetting veilig opruimen en weten wanneer u die meldt;",
            "radioactief afval scheiden en laten vervallen volgens de regels.",
        ),
    },
    "en": {
        "title": "Radiation protection essentials",
        "slug": "radiation-protection-essentials",
        "summary": "What everyone who works with unsealed radioactive sources needs to know: how radiation "
        "and dose relate, how to keep your exposure low following the ALARA principle, which dose limits "
        "apply in the Netherlands and what to do about contamination. For new staff in nuclear medicine, the "
        "hot lab and the research lab, and a refresher for experienced colleagues.",
        "learning_objectives": bullets(
            "explain the difference between activity, absorbed dose, equivalent dose and effective dose;",
            "use time, distance and shielding to limit your own dose and that of your colleagues;",
            "state the Dutch dose limits for exposed workers and members of the public;",
            "clean up a small spill safely and know when to report it;",
            "separate radioactive waste and let it decay according to the rules.",
        ),
    },
    "lessons": [
        {
            "nl": {
                "title": "Straling en dosis",
                "slug": "straling-en-dosis",
                "introduction": "Welke soorten ioniserende straling we in de nucleaire geneeskunde "
                "tegenkomen, en in welke eenheden we activiteit en dosis uitdrukken.",
                "body": [
                    heading("Soorten straling"),
                    paragraphs(
                        "Een radionuclide is een instabiele atoomkern die vervalt en daarbij straling "
                        "uitzendt. In de nucleaire geneeskunde werken we vooral met vier soorten. "
                        "<b>Alfadeeltjes</b> (heliumkernen) geven hun energie af over enkele tientallen "
                        "micrometers weefsel: buiten het lichaam zijn ze nauwelijks gevaarlijk, binnen het "
                        "lichaam richten ze veel schade aan. <b>Bètamin-deeltjes</b> (elektronen) hebben in "
                        "weefsel een dracht van enkele millimeters tot ruim een centimeter, afhankelijk van "
                        "hun energie; daarom zijn ze geschikt voor therapie, zoals met 177Lu of 90Y.",
                        "<b>Positronen</b> (bèta-plus) annihileren vrijwel direct met een elektron tot twee "
                        "fotonen van 511 keV die in tegengestelde richting worden uitgezonden: de basis van "
                        "PET. <b>Gammafotonen</b>, zoals die van 140 keV van 99mTc, dringen ver door weefsel "
                        "heen en maken beeldvorming met een gammacamera of SPECT mogelijk.",
                        "De <b>activiteit</b> van een bron is het aantal kernen dat per seconde vervalt, "
                        "uitgedrukt in becquerel (Bq). Een diagnostische toediening ligt meestal in de orde "
                        "van honderden megabecquerel (MBq), een therapie in de orde van gigabecquerel (GBq). "
                        "De activiteit neemt af met de fysische halveringstijd: na één halveringstijd is de "
                        "helft over, na twee een kwart, na drie een achtste.",
                    ),
                    table(
                        "Radionucliden die u in deze cursus tegenkomt",
                        [
                            ["Radionuclide", "Halveringstijd", "Belangrijkste straling", "Toepassing"],
                            ["99mTc", "6,0 uur", "γ 140 keV", "Gammacamera en SPECT"],
                            ["18F", "109,8 minuten", "β+ (annihilatie 511 keV)", "PET"],
                            ["68Ga", "68 minuten", "β+ (annihilatie 511 keV)", "PET"],
                            ["177Lu", "6,65 dagen", "β−, γ 113 en 208 keV", "Therapie, SPECT na therapie"],
                        ],
                    ),
                    heading("Van energie tot risico"),
                    paragraphs(
                        "De <b>geabsorbeerde dosis</b> is de energie die straling per kilogram weefsel "
                        "afgeeft, in gray (1 Gy = 1 J/kg). Niet elke soort straling is per gray even "
                        "schadelijk. Daarom weegt de <b>equivalente dosis</b> de geabsorbeerde dosis met een "
                        "stralingsweegfactor: 1 voor fotonen en elektronen, 20 voor alfadeeltjes. De eenheid "
                        "is sievert (Sv). De <b>effectieve dosis</b> telt ten slotte de equivalente doses "
                        "van alle organen op, elk gewogen met een weefselweegfactor voor hun gevoeligheid. "
                        "Zo drukt één getal het risico op late effecten uit, of nu het hele lichaam of één "
                        "orgaan is bestraald.",
                        "Straling kan twee soorten effecten hebben. <b>Weefselreacties</b> (deterministische "
                        "effecten), zoals roodheid van de huid of staar, treden pas op boven een "
                        "drempeldosis en worden erger naarmate de dosis hoger is. Voor <b>stochastische "
                        "effecten</b>, vooral kanker, gaan we volgens het gangbare, voorzichtige model uit "
                        "van geen drempel: de kans neemt toe met de dosis, de ernst niet. Daarom vermijden "
                        "we elke onnodige dosis, hoe klein ook.",
                        "Ter vergelijking: iemand in Nederland ontvangt gemiddeld zo'n 2,5 tot 3 mSv per "
                        "jaar, vooral uit natuurlijke bronnen (radon, de bodem, kosmische straling) en uit "
                        "medische onderzoeken. Een FDG-PET met ongeveer 200 MBq geeft de patiënt een "
                        "effectieve dosis van rond de 4 mSv, plus de dosis van de CT.",
                    ),
                    key_points(
                        "Kernpunten",
                        "Activiteit (Bq) is het aantal vervallen per seconde; na elke halveringstijd is de "
                        "helft over.",
                        "Geabsorbeerde dosis in gray; equivalente en effectieve dosis in sievert.",
                        "Weefselreacties hebben een drempel; voor stochastische effecten gaan we uit van "
                        "geen drempel.",
                        "Halveringstijden: 99mTc 6,0 uur, 18F 109,8 minuten, 68Ga 68 minuten, 177Lu 6,65 "
                        "dagen.",
                    ),
                ],
            },
            "en": {
                "title": "Radiation and dose",
                "slug": "radiation-and-dose",
                "introduction": "Which kinds of ionising radiation we meet in nuclear medicine, and in which "
                "units we express activity and dose.",
                "body": [
                    heading("Kinds of radiation"),
                    paragraphs(
                        "A radionuclide is an unstable atomic nucleus that decays and emits radiation as it "
                        "does. Nuclear medicine mainly works with four kinds. <b>Alpha particles</b> (helium "
                        "nuclei) deposit their energy within a few tens of micrometres of tissue: outside "
                        "the body they are hardly dangerous, inside it they do a lot of damage. "
                        "<b>Beta-minus particles</b> (electrons) travel from a few millimetres to over a "
                        "centimetre in tissue, depending on their energy, which makes them suitable for "
                        "therapy, as with 177Lu or 90Y.",
                        "<b>Positrons</b> (beta-plus) annihilate almost at once with an electron into two "
                        "511 keV photons emitted in opposite directions: the basis of PET. <b>Gamma "
                        "photons</b>, such as the 140 keV photons of 99mTc, pass through tissue easily and "
                        "allow imaging with a gamma camera or SPECT.",
                        "The <b>activity</b> of a source is the number of nuclei decaying per second, in "
                        "becquerel (Bq). A diagnostic administration is usually in the order of hundreds of "
                        "megabecquerel (MBq), a therapy in the order of gigabecquerel (GBq). Activity falls "
                        "with the physical half-life: after one half-life half is left, after two a quarter, "
                        "after three an eighth.",
                    ),
                    table(
                        "Radionuclides you meet in this course",
                        [
                            ["Radionuclide", "Half-life", "Main radiation", "Use"],
                            ["99mTc", "6.0 hours", "γ 140 keV", "Gamma camera and SPECT"],
                            ["18F", "109.8 minutes", "β+ (annihilation 511 keV)", "PET"],
                            ["68Ga", "68 minutes", "β+ (annihilation 511 keV)", "PET"],
                            ["177Lu", "6.65 days", "β−, γ 113 and 208 keV", "Therapy, post-therapy SPECT"],
                        ],
                    ),
                    heading("From energy to risk"),
                    paragraphs(
                        "The <b>absorbed dose</b> is the energy radiation deposits per kilogram of tissue, "
                        "in gray (1 Gy = 1 J/kg). Not every kind of radiation does the same harm per gray, "
                        "so the <b>equivalent dose</b> weights the absorbed dose with a radiation weighting "
                        "factor: 1 for photons and electrons, 20 for alpha particles. Its unit is the "
                        "sievert (Sv). The <b>effective dose</b>, finally, adds up the equivalent doses of "
                        "all organs, each weighted with a tissue weighting factor for its sensitivity. One "
                        "number then expresses the risk of late effects, whether the whole body or a single "
                        "organ was irradiated.",
                        "Radiation has two kinds of effect. <b>Tissue reactions</b> (deterministic effects), "
                        "such as reddening of the skin or cataract, only occur above a threshold dose and "
                        "become more severe as the dose rises. For <b>stochastic effects</b>, cancer above "
                        "all, the usual, cautious model assumes no threshold: the probability rises with "
                        "dose, the severity does not. That is why we avoid every unnecessary dose, however "
                        "small.",
                        "For comparison: a person in the Netherlands receives on average some 2.5 to 3 mSv a "
                        "year, mostly from natural sources (radon, the soil, cosmic radiation) and from "
                        "medical examinations. An FDG PET scan with about 200 MBq gives the patient an "
                        "effective dose of around 4 mSv, plus the dose of the CT.",
                    ),
                    key_points(
                        "Key points",
                        "Activity (Bq) is the number of decays per second; after each half-life half is "
                        "left.",
                        "Absorbed dose in gray; equivalent and effective dose in sievert.",
                        "Tissue reactions have a threshold; for stochastic effects we assume there is none.",
                        "Half-lives: 99mTc 6.0 hours, 18F 109.8 minutes, 68Ga 68 minutes, 177Lu 6.65 days.",
                    ),
                ],
            },
        },
        {
            "nl": {
                "title": "ALARA in de praktijk: tijd, afstand en afscherming",
                "slug": "alara-in-de-praktijk",
                "introduction": "Het systeem van stralingsbescherming in drie principes, en de drie "
                "handgrepen waarmee u uw dosis op de werkvloer laag houdt.",
                "body": [
                    heading("Rechtvaardiging, optimalisatie, dosislimieten"),
                    paragraphs(
                        "Het stralingsbeschermingssysteem van de ICRP, waarop de Europese en Nederlandse "
                        "regels steunen, rust op drie principes. <b>Rechtvaardiging</b>: een handeling met "
                        "straling moet meer goed dan kwaad doen; voor een patiënt betekent dit dat het "
                        "onderzoek of de behandeling een medische vraag beantwoordt die niet even goed "
                        "zonder straling te beantwoorden is. <b>Optimalisatie</b>: de blootstelling blijft "
                        "zo laag als redelijkerwijs mogelijk is, het ALARA-principe (As Low As Reasonably "
                        "Achievable). <b>Dosislimieten</b>: voor werknemers en leden van de bevolking gelden "
                        "grenzen die nooit overschreden mogen worden.",
                        "Voor patiënten gelden geen dosislimieten: een te lage dosis die geen bruikbaar "
                        "beeld of geen werkzame behandeling oplevert, is ook onnodige straling. Daar doen "
                        "rechtvaardiging en optimalisatie het werk.",
                    ),
                    heading("Tijd"),
                    paragraphs(
                        "De dosis is evenredig met de tijd dat u in een stralingsveld staat. Leg alles klaar "
                        "voordat u de flacon pakt, oefen nieuwe handelingen eerst zonder activiteit, en "
                        "blijf niet naast een patiënt die net een injectie heeft gehad als het gesprek ook "
                        "op afstand of na het onderzoek kan."
                    ),
                    heading("Afstand"),
                    paragraphs(
                        "Voor een puntbron neemt het dosistempo af met het kwadraat van de afstand: op twee "
                        "keer zo grote afstand ontvangt u een kwart, op drie keer zo grote afstand een "
                        "negende. Dat maakt afstand de goedkoopste bescherming. Andersom loopt het "
                        "dosistempo vlak bij een bron extreem op: een spuit tussen uw vingers geeft de "
                        "hoogste dosis aan de handen. Pak flacons daarom met een pincet of tang, niet met uw "
                        "vingers."
                    ),
                    heading("Afscherming"),
                    paragraphs(
                        "Kies afscherming die past bij de straling. Voor de fotonen van 140 keV van 99mTc is "
                        "een paar millimeter lood of wolfraam al zeer effectief: de halveringsdikte in lood "
                        "is ongeveer 0,3 mm. De 511 keV-fotonen van PET-nucliden vragen veel meer: de "
                        "halveringsdikte in lood is ongeveer 4 mm, en een spuitafscherming voor 18F is "
                        "daarom van dik wolfraam. Een loodschort houdt 511 keV-fotonen nauwelijks tegen.",
                        "Schermt u bètastraling af, gebruik dan eerst een materiaal met een laag "
                        "atoomnummer, zoals perspex (PMMA): in lood wekken de elektronen remstraling op. "
                        "Handschoenen en een labjas beschermen tegen besmetting, niet tegen externe "
                        "straling. Draag uw persoonlijke dosimeter zoals voorgeschreven, en een "
                        "ringdosimeter aan de hand waarmee u het dichtst bij de bron werkt.",
                    ),
                    key_points(
                        "Kernpunten",
                        "Drie principes: rechtvaardiging, optimalisatie (ALARA) en dosislimieten; voor "
                        "patiënten gelden geen limieten.",
                        "Twee keer zo ver weg betekent een kwart van het dosistempo (kwadratenwet).",
                        "Spuitafscherming en een pincet verlagen de dosis aan de vingers het sterkst.",
                        "Scherm bètastraling eerst af met perspex, dan pas met lood, om remstraling te "
                        "beperken.",
                        "Handschoenen beschermen tegen besmetting, niet tegen straling.",
                    ),
                ],
            },
            "en": {
                "title": "ALARA in practice: time, distance and shielding",
                "slug": "alara-in-practice",
                "introduction": "The system of radiation protection in three principles, and the three means "
                "of keeping your dose low on the work floor.",
                "body": [
                    heading("Justification, optimisation, dose limits"),
                    paragraphs(
                        "The ICRP system of radiation protection, on which European and Dutch rules rest, "
                        "has three principles. <b>Justification</b>: a practice involving radiation must do "
                        "more good than harm; for a patient, the examination or treatment must answer a "
                        "medical question that cannot be answered as well without radiation. "
                        "<b>Optimisation</b>: exposure is kept as low as reasonably achievable, the ALARA "
                        "principle. <b>Dose limits</b>: for workers and members of the public there are "
                        "limits that must never be exceeded.",
                        "There are no dose limits for patients: a dose too low to give a usable image or an "
                        "effective treatment is unnecessary radiation too. For patients, justification and "
                        "optimisation do the work.",
                    ),
                    heading("Time"),
                    paragraphs(
                        "Dose is proportional to the time you spend in a radiation field. Lay everything out "
                        "before you pick up the vial, practise new procedures without activity first, and do "
                        "not stay beside a patient who has just been injected if the conversation can take "
                        "place at a distance or after the scan."
                    ),
                    heading("Distance"),
                    paragraphs(
                        "For a point source, the dose rate falls with the square of the distance: at twice "
                        "the distance you receive a quarter, at three times the distance a ninth. That makes "
                        "distance the cheapest protection. Conversely, very close to a source the dose rate "
                        "rises steeply: a syringe held between your fingers gives the highest dose to the "
                        "hands. Handle vials with forceps or tongs, not with your fingers."
                    ),
                    heading("Shielding"),
                    paragraphs(
                        "Choose shielding to suit the radiation. For the 140 keV photons of 99mTc a few "
                        "millimetres of lead or tungsten are very effective: the half-value layer in lead is "
                        "about 0.3 mm. The 511 keV photons of PET nuclides need far more: the half-value "
                        "layer in lead is about 4 mm, which is why a syringe shield for 18F is made of thick "
                        "tungsten. A lead apron hardly stops 511 keV photons.",
                        "To shield beta radiation, use a material with a low atomic number first, such as "
                        "Perspex (PMMA): in lead, the electrons produce bremsstrahlung. Gloves and a lab "
                        "coat protect against contamination, not against external radiation. Wear your "
                        "personal dosimeter as instructed, and a ring dosimeter on the hand that works "
                        "closest to the source.",
                    ),
                    key_points(
                        "Key points",
                        "Three principles: justification, optimisation (ALARA) and dose limits; there are no "
                        "limits for patients.",
                        "Twice as far away means a quarter of the dose rate (inverse-square law).",
                        "A syringe shield and forceps reduce the dose to the fingers the most.",
                        "Shield beta radiation with Perspex first, then lead, to limit bremsstrahlung.",
                        "Gloves protect against contamination, not against radiation.",
                    ),
                ],
            },
        },
        {
            "nl": {
                "title": "Wetgeving en dosislimieten",
                "slug": "wetgeving-en-dosislimieten",
                "introduction": "Welke regels in Nederland gelden, wie erop toeziet, en welke dosislimieten "
                "er zijn voor werknemers en voor de bevolking.",
                "body": [
                    heading("Het kader"),
                    paragraphs(
                        "De Europese richtlijn 2013/59/Euratom is in Nederland omgezet in het Besluit "
                        "basisveiligheidsnormen stralingsbescherming (Bbs, 2018) en de regelingen die "
                        "daarbij horen. De Autoriteit Nucleaire Veiligheid en Stralingsbescherming (ANVS) "
                        "verleent vergunningen en houdt toezicht.",
                        "Binnen een ziekenhuis of bedrijf adviseert de stralingsbeschermingsdeskundige (SBD) "
                        "over de stralingsbescherming en ziet hij of zij toe op de naleving, en houden "
                        "toezichthoudend medewerkers stralingsbescherming (TMS) op de afdeling het dagelijks "
                        "werk in de gaten. Wie met bronnen werkt, moet daarvoor aantoonbaar zijn opgeleid en "
                        "moet de lokale werkinstructies kennen.",
                    ),
                    heading("Dosislimieten"),
                    table(
                        "Dosislimieten per kalenderjaar (Bbs)",
                        [
                            ["Wie en wat", "Limiet per jaar"],
                            ["Blootgestelde werknemer, effectieve dosis", "20 mSv"],
                            ["Blootgestelde werknemer, ooglens", "20 mSv"],
                            ["Blootgestelde werknemer, huid (gemiddeld over 1 cm²)", "500 mSv"],
                            ["Blootgestelde werknemer, handen en voeten", "500 mSv"],
                            ["Lid van de bevolking, effectieve dosis", "1 mSv"],
                        ],
                    ),
                    paragraphs(
                        "Blootgestelde werknemers worden ingedeeld in categorie A of B. Categorie A geldt "
                        "voor wie meer dan 6 mSv effectieve dosis per jaar kan ontvangen, of meer dan 15 mSv "
                        "aan de ooglens of 150 mSv aan huid of extremiteiten; voor hen zijn individuele "
                        "dosimetrie en medisch toezicht verplicht. De effectieve dosis van de meeste "
                        "medewerkers in de nucleaire geneeskunde blijft ruim onder de limiet, maar de handen "
                        "van wie spuiten bereidt of toedient kunnen flinke doses oplopen.",
                        "Een zwangere medewerker meldt haar zwangerschap bij voorkeur zo vroeg mogelijk. "
                        "Vanaf dat moment moet de dosis voor het ongeboren kind zo laag blijven als "
                        "redelijkerwijs mogelijk is, en in elk geval onder 1 mSv voor de rest van de "
                        "zwangerschap. Vaak betekent dat ander werk, bijvoorbeeld niet in het hotlab of bij "
                        "therapiepatiënten. Wie borstvoeding geeft, werkt niet op een plek met een "
                        "aanzienlijk risico op inwendige besmetting.",
                    ),
                    heading("De patiënt"),
                    paragraphs(
                        "Voor medische blootstelling gelden geen dosislimieten, wel diagnostische "
                        "referentieniveaus: richtwaarden voor de toegediende activiteit per soort onderzoek. "
                        "Vraag vóór elke toediening naar zwangerschap en borstvoeding, en controleer de "
                        "identiteit van de patiënt, het voorgeschreven radiofarmacon en de activiteit. Een "
                        "toediening aan de verkeerde patiënt of met een duidelijk verkeerde activiteit is "
                        "een incident dat u meldt."
                    ),
                    key_points(
                        "Kernpunten",
                        "Het Bbs (2018) zet richtlijn 2013/59/Euratom om; de ANVS houdt toezicht.",
                        "Werknemers: 20 mSv effectieve dosis per jaar; ooglens 20 mSv; huid en extremiteiten "
                        "500 mSv.",
                        "Leden van de bevolking: 1 mSv per jaar.",
                        "Na melding van een zwangerschap: zo laag als redelijkerwijs mogelijk, en onder 1 "
                        "mSv voor het ongeboren kind.",
                        "Voor patiënten geen limieten, wel rechtvaardiging, optimalisatie en diagnostische "
                        "referentieniveaus.",
                    ),
                ],
            },
            "en": {
                "title": "Legislation and dose limits",
                "slug": "legislation-and-dose-limits",
                "introduction": "Which rules apply in the Netherlands, who enforces them, and which dose "
                "limits apply to workers and to the public.",
                "body": [
                    heading("The framework"),
                    paragraphs(
                        "The European directive 2013/59/Euratom has been transposed into Dutch law as the "
                        "Decree on basic safety standards for radiation protection (Besluit "
                        "basisveiligheidsnormen stralingsbescherming, Bbs, 2018) and its regulations. The "
                        "Authority for Nuclear Safety and Radiation Protection (ANVS) grants licences and "
                        "supervises.",
                        "Within a hospital or company, the radiation protection expert "
                        "(stralingsbeschermingsdeskundige, SBD) advises on radiation protection and oversees "
                        "compliance, while radiation protection officers (toezichthoudend medewerkers, TMS) "
                        "keep an eye on the daily work in the department. Whoever works with sources must be "
                        "demonstrably trained for it and know the local work instructions.",
                    ),
                    heading("Dose limits"),
                    table(
                        "Dose limits per calendar year (Bbs)",
                        [
                            ["Who and what", "Limit per year"],
                            ["Exposed worker, effective dose", "20 mSv"],
                            ["Exposed worker, lens of the eye", "20 mSv"],
                            ["Exposed worker, skin (averaged over 1 cm²)", "500 mSv"],
                            ["Exposed worker, hands and feet", "500 mSv"],
                            ["Member of the public, effective dose", "1 mSv"],
                        ],
                    ),
                    paragraphs(
                        "Exposed workers are classified as category A or B. Category A applies to those who "
                        "may receive more than 6 mSv effective dose a year, or more than 15 mSv to the lens "
                        "of the eye or 150 mSv to the skin or extremities; for them, individual monitoring "
                        "and medical surveillance are mandatory. The effective dose of most nuclear medicine "
                        "staff stays well below the limit, but the hands of those who prepare or administer "
                        "syringes can receive considerable doses.",
                        "A pregnant worker should declare her pregnancy as early as possible. From then on, "
                        "the dose to the unborn child must be kept as low as reasonably achievable, and in "
                        "any case below 1 mSv for the rest of the pregnancy. This often means other work, "
                        "for instance not in the hot lab or with therapy patients. A breastfeeding worker "
                        "does not work where there is a significant risk of internal contamination.",
                    ),
                    heading("The patient"),
                    paragraphs(
                        "Medical exposures have no dose limits, but they do have diagnostic reference "
                        "levels: guide values for the administered activity per type of examination. Before "
                        "every administration, ask about pregnancy and breastfeeding, and check the "
                        "patient's identity, the prescribed radiopharmaceutical and the activity. An "
                        "administration to the wrong patient or with a clearly wrong activity is an incident "
                        "that you report."
                    ),
                    key_points(
                        "Key points",
                        "The Bbs (2018) transposes directive 2013/59/Euratom; the ANVS supervises.",
                        "Workers: 20 mSv effective dose a year; lens of the eye 20 mSv; skin and extremities "
                        "500 mSv.",
                        "Members of the public: 1 mSv a year.",
                        "Once a pregnancy is declared: as low as reasonably achievable, and below 1 mSv for "
                        "the unborn child.",
                        "Patients: no limits, but justification, optimisation and diagnostic reference "
                        "levels.",
                    ),
                ],
            },
        },
        {
            "nl": {
                "title": "Besmetting, afval en incidenten",
                "slug": "besmetting-afval-en-incidenten",
                "introduction": "Open bronnen kunnen zich verspreiden. Hoe u besmetting voorkomt, opspoort "
                "en opruimt, en hoe radioactief afval veilig het ziekenhuis verlaat.",
                "body": [
                    heading("Bestraling en besmetting"),
                    paragraphs(
                        "Bij externe bestraling staat u in het stralingsveld van een bron; loopt u weg, dan "
                        "stopt de blootstelling. Bij besmetting zit radioactief materiaal op uw huid, "
                        "kleding of werkplek, of in uw lichaam, en gaat de blootstelling door tot het is "
                        "verwijderd of vervallen. Open bronnen, zoals de radiofarmaca in de nucleaire "
                        "geneeskunde, brengen dat extra risico met zich mee.",
                        "Daarom werkt u in een gecontroleerde zone met absorberend papier op het werkblad, "
                        "draagt u handschoenen en een labjas, eet en drinkt u er niet, en meet u handen, "
                        "kleding en schoenen voordat u de zone verlaat.",
                    ),
                    heading("Een morsing opruimen"),
                    paragraphs(
                        "Ook een kleine morsing pakt u systematisch aan:",
                        numbered(
                            "Stop en waarschuw collega's in de buurt; houd anderen op afstand.",
                            "Beperk de verspreiding: dek de vloeistof af met absorberend papier en trek "
                            "besmette handschoenen of kleding uit.",
                            "Maak schoon van de rand naar het midden, met wegwerpmateriaal, en gooi alles in "
                            "het radioactief afval.",
                            "Meet de plek en uzelf na met een geschikte besmettingsmonitor; herhaal tot de "
                            "meting het achtergrondniveau benadert.",
                            "Meld de morsing aan de toezichthoudend medewerker en leg vast wat er gebeurde.",
                        ),
                        "Een besmetting van de huid wast u met lauw water en zeep, zonder te schrobben: een "
                        "beschadigde huid neemt juist meer op. Lukt het niet de besmetting te verwijderen, "
                        "of is er kans op inname, schakel dan de stralingsbeschermingsdeskundige in.",
                    ),
                    heading("Radioactief afval"),
                    paragraphs(
                        "Scheid afval per radionuclide, of in elk geval naar halveringstijd. Afval met "
                        "kortlevende nucliden, zoals 99mTc of 18F, laat u vervallen: na tien "
                        "halveringstijden is minder dan een duizendste van de activiteit over. Daarna meet u "
                        "het na, verwijdert u de stralingsetiketten en voert u het af als gewoon (medisch) "
                        "afval, mits het onder de vrijgavegrenzen blijft. Afval dat niet binnen redelijke "
                        "tijd vervalt, gaat naar de COVRA, de centrale organisatie voor radioactief afval in "
                        "Zeeland.",
                        "Meld incidenten en bijna-incidenten altijd, ook als er geen schade is. Van "
                        "meldingen leert de hele afdeling; ernstige voorvallen meldt de vergunninghouder aan "
                        "de ANVS.",
                    ),
                    key_points(
                        "Kernpunten",
                        "Bestraling stopt als u wegloopt; besmetting gaat mee tot ze is verwijderd.",
                        "Meet handen, kleding en schoenen voordat u de gecontroleerde zone verlaat.",
                        "Ruim een morsing op van buiten naar binnen, meet na en meld hem.",
                        "Kortlevend afval laat u ongeveer tien halveringstijden vervallen en meet u na "
                        "voordat het weg mag.",
                        "Melden is leren: ook bijna-incidenten.",
                    ),
                ],
            },
            "en": {
                "title": "Contamination, waste and incidents",
                "slug": "contamination-waste-and-incidents",
                "introduction": "Unsealed sources can spread. How to prevent, detect and clean up "
                "contamination, and how radioactive waste leaves the hospital safely.",
                "body": [
                    heading("Irradiation and contamination"),
                    paragraphs(
                        "With external irradiation you stand in the radiation field of a source; walk away "
                        "and the exposure stops. With contamination, radioactive material is on your skin, "
                        "clothes or workplace, or inside your body, and the exposure continues until it has "
                        "been removed or has decayed. Unsealed sources, such as the radiopharmaceuticals of "
                        "nuclear medicine, bring that extra risk.",
                        "That is why you work in a controlled area with absorbent paper on the bench, wear "
                        "gloves and a lab coat, do not eat or drink there, and check your hands, clothes and "
                        "shoes before leaving the area.",
                    ),
                    heading("Cleaning up a spill"),
                    paragraphs(
                        "Handle even a small spill step by step:",
                        numbered(
                            "Stop and warn colleagues nearby; keep others away.",
                            "Limit the spread: cover the liquid with absorbent paper and take off "
                            "contaminated gloves or clothing.",
                            "Clean from the edge towards the centre, with disposable material, and put "
                            "everything in the radioactive waste.",
                            "Check the spot and yourself with a suitable contamination monitor; repeat until "
                            "the reading approaches background.",
                            "Report the spill to the radiation protection officer and record what happened.",
                        ),
                        "Wash contaminated skin with lukewarm water and soap, without scrubbing: damaged "
                        "skin takes up more. If the contamination will not come off, or intake is possible, "
                        "call in the radiation protection expert.",
                    ),
                    heading("Radioactive waste"),
                    paragraphs(
                        "Separate waste by radionuclide, or at least by half-life. Waste with short-lived "
                        "nuclides, such as 99mTc or 18F, is left to decay: after ten half-lives less than a "
                        "thousandth of the activity remains. Then you measure it, remove the radiation "
                        "labels and dispose of it as ordinary (medical) waste, provided it is below the "
                        "clearance levels. Waste that does not decay within a reasonable time goes to COVRA, "
                        "the Dutch central organisation for radioactive waste in Zeeland.",
                        "Always report incidents and near misses, even when there is no harm. The whole "
                        "department learns from reports; the licence holder reports serious events to the "
                        "ANVS.",
                    ),
                    key_points(
                        "Key points",
                        "Irradiation stops when you walk away; contamination goes with you until removed.",
                        "Check hands, clothes and shoes before leaving the controlled area.",
                        "Clean up a spill from the outside in, check afterwards and report it.",
                        "Let short-lived waste decay for about ten half-lives and measure it before it goes.",
                        "Reporting is learning: near misses too.",
                    ),
                ],
            },
        },
    ],
    "quiz": [
        question(
            [2],
            nl=(
                "Wat is in Nederland de limiet voor de effectieve dosis van een blootgestelde werknemer?",
                ["1 mSv per jaar", "6 mSv per jaar", "20 mSv per jaar", "50 mSv per jaar"],
                "Het Bbs stelt de limiet voor blootgestelde werknemers op 20 mSv effectieve dosis per "
                "kalenderjaar. 1 mSv is de limiet voor leden van de bevolking; wie meer dan 6 mSv kan "
                "ontvangen, valt in categorie A.",
            ),
            en=(
                "What is the limit for the effective dose of an exposed worker in the Netherlands?",
                ["1 mSv a year", "6 mSv a year", "20 mSv a year", "50 mSv a year"],
                "The Bbs sets the limit for exposed workers at 20 mSv effective dose per calendar year. 1 "
                "mSv is the limit for members of the public; anyone who may receive more than 6 mSv is "
                "category A.",
            ),
        ),
        question(
            [1],
            nl=(
                "U staat op 1 meter van een puntbron en stapt achteruit naar 2 meter. Wat gebeurt er met het "
                "dosistempo?",
                ["Het halveert", "Het wordt een kwart", "Het blijft gelijk", "Het wordt een achtste"],
                "Voor een puntbron neemt het dosistempo af met het kwadraat van de afstand: twee keer zo ver "
                "weg geeft (1/2)² = 1/4 van het dosistempo.",
            ),
            en=(
                "You stand 1 metre from a point source and step back to 2 metres. What happens to the dose "
                "rate?",
                ["It halves", "It becomes a quarter", "It stays the same", "It becomes an eighth"],
                "For a point source the dose rate falls with the square of the distance: twice as far away "
                "gives (1/2)² = 1/4 of the dose rate.",
            ),
        ),
        question(
            [0, 1, 2],
            nl=(
                "Welke maatregelen verlagen de stralingsdosis aan uw vingers bij het opzuigen van een "
                "99mTc-spuit?",
                [
                    "Een spuitafscherming van wolfraam of lood gebruiken",
                    "De flacon met een pincet of tang vasthouden",
                    "De handeling eerst zonder activiteit oefenen, zodat ze sneller gaat",
                    "Twee paar handschoenen dragen",
                ],
                "Afscherming, afstand en tijd verlagen de dosis. Handschoenen beschermen tegen besmetting, "
                "maar houden de gammastraling van 99mTc niet tegen.",
            ),
            en=(
                "Which measures lower the radiation dose to your fingers when drawing up a 99mTc syringe?",
                [
                    "Using a tungsten or lead syringe shield",
                    "Holding the vial with forceps or tongs",
                    "Practising the procedure without activity first, so that it goes faster",
                    "Wearing two pairs of gloves",
                ],
                "Shielding, distance and time lower the dose. Gloves protect against contamination but do "
                "not stop the gamma radiation of 99mTc.",
            ),
        ),
        question(
            [1],
            nl=(
                "Een flacon bevat 800 MBq 99mTc. Hoeveel activiteit is er 12 uur later nog over?",
                ["400 MBq", "200 MBq", "100 MBq", "50 MBq"],
                "12 uur is twee halveringstijden van 6,0 uur: 800 → 400 → 200 MBq.",
            ),
            en=(
                "A vial holds 800 MBq of 99mTc. How much activity is left 12 hours later?",
                ["400 MBq", "200 MBq", "100 MBq", "50 MBq"],
                "12 hours is two half-lives of 6.0 hours: 800 → 400 → 200 MBq.",
            ),
        ),
        question(
            [2],
            nl=(
                "Hoe lang laat u afval met een kortlevend radionuclide als vuistregel vervallen voordat u "
                "het nameet en afvoert?",
                [
                    "Eén halveringstijd",
                    "Drie halveringstijden",
                    "Ongeveer tien halveringstijden",
                    "Altijd een jaar, ongeacht het radionuclide",
                ],
                "Na tien halveringstijden is minder dan een duizendste (2⁻¹⁰ ≈ 0,1%) van de activiteit over. "
                "Meet het afval daarna altijd na: het moet onder de vrijgavegrenzen liggen.",
            ),
            en=(
                "As a rule of thumb, how long do you let waste with a short-lived radionuclide decay before "
                "measuring it and disposing of it?",
                [
                    "One half-life",
                    "Three half-lives",
                    "About ten half-lives",
                    "Always a year, whatever the radionuclide",
                ],
                "After ten half-lives less than a thousandth (2⁻¹⁰ ≈ 0.1%) of the activity is left. Always "
                "measure the waste afterwards: it must be below the clearance levels.",
            ),
        ),
        question(
            [0, 1, 3],
            nl=(
                "Wat zijn de principes van het stralingsbeschermingssysteem?",
                [
                    "Rechtvaardiging",
                    "Optimalisatie (ALARA)",
                    "Spreiding van de dosis over zo veel mogelijk medewerkers",
                    "Dosislimieten",
                ],
                "Rechtvaardiging, optimalisatie en dosislimieten. Werk verdelen kan deel zijn van "
                "optimalisatie, maar is geen principe op zich.",
            ),
            en=(
                "What are the principles of the system of radiation protection?",
                [
                    "Justification",
                    "Optimisation (ALARA)",
                    "Spreading the dose over as many workers as possible",
                    "Dose limits",
                ],
                "Justification, optimisation and dose limits. Sharing work can be part of optimisation, but "
                "is not a principle in itself.",
            ),
        ),
    ],
}


# Course 2: [177Lu]Lu-PSMA, the whole chain from the hot lab to the patient.

LU_PSMA = {
    "key": "lu-psma",
    "fields": {
        "level": "intermediate",
        "duration_minutes": 360,
        "points": Decimal("6"),
        "accrediting_body": "gaia",
        "activity_id": "GAIA-2026-10457",
        "accredited_from": ACCREDITED_FROM,
        "accredited_until": ACCREDITED_UNTIL,
        "pass_mark": 75,
        "attempt_limit": 3,
    },
    "audience": [
        "nuclear_medicine_physician",
        "resident",
        "hospital_pharmacist",
        "clinical_physicist",
        "technologist",
    ],
    "competencies": ["lu-psma-therapy", "patient-selection", "hotlab-practice", "patient-dosimetry"],
    "nl": {
        "title": "Radionuclidetherapie met [177Lu]Lu-PSMA: van hotlab tot patiënt",
        "slug": "radionuclidetherapie-met-177lu-psma",
        "summary": "De hele keten van een behandeling met [177Lu]Lu-PSMA bij gemetastaseerd "
        "castratieresistent prostaatcarcinoom: de keuze van patiënten met PSMA-PET, de eigenschappen en "
        "productie van lutetium-177, de bereiding en kwaliteitscontrole in het hotlab, en de toediening, "
        "leefregels, nazorg en dosimetrie. Voor het hele team rond de therapie.",
        "learning_objectives": bullets(
            "uitleggen waarom PSMA een geschikt doelwit is en hoe PSMA-PET de keuze van patiënten "
            "ondersteunt;",
            "de fysische eigenschappen van 177Lu beschrijven en de gevolgen van de productieroute voor afval "
            "en stralingsbescherming;",
            "de stappen van bereiding, kwaliteitscontrole en vrijgave van een 177Lu-PSMA-bereiding noemen;",
            "een toediening veilig voorbereiden en de patiënt passende leefregels meegeven;",
            "de rol van SPECT/CT en dosimetrie na therapie uitleggen.",
        ),
    },
    "en": {
        "title": "Radionuclide therapy with [177Lu]Lu-PSMA: from hot lab to patient",
        "slug": "radionuclide-therapy-with-177lu-psma",
        "summary": "The whole chain of a treatment with [177Lu]Lu-PSMA for metastatic castration-resistant "
        "prostate cancer: selecting patients with PSMA PET, the properties and production of lutetium-177, "
        "preparation and quality control in the hot lab, and administration, patient instructions, aftercare "
        "and dosimetry. For the whole team around the therapy.",
        "learning_objectives": bullets(
            "explain why PSMA is a suitable target and how PSMA PET supports patient selection;",
            "describe the physical properties of 177Lu and what its production route means for waste and "
            "radiation protection;",
            "list the steps of preparation, quality control and release of a 177Lu-PSMA preparation;",
            "prepare an administration safely and give the patient suitable instructions;",
            "explain the role of post-therapy SPECT/CT and dosimetry.",
        ),
    },
    "lessons": [
        {
            "nl": {
                "title": "PSMA als doelwit en de keuze van de patiënt",
                "slug": "psma-en-de-keuze-van-de-patient",
                "introduction": "Waarom PSMA een goed doelwit is voor theranostiek, wat de VISION-studie "
                "liet zien, en hoe PSMA-PET bepaalt wie voor de behandeling in aanmerking komt.",
                "body": [
                    heading("Theranostiek"),
                    paragraphs(
                        "Prostaatspecifiek membraanantigeen (PSMA) is een eiwit in de celmembraan dat op de "
                        "meeste prostaatkankercellen sterk tot expressie komt, zeker bij gevorderde, "
                        "castratieresistente ziekte. Kleine moleculen die aan PSMA binden, kunnen met een "
                        "diagnostisch of een therapeutisch radionuclide worden gelabeld. Dat is het principe "
                        "van theranostiek: met een PSMA-PET zien we waar het doelwit zit, en met een "
                        "vergelijkbaar molecuul, gelabeld met 177Lu, bestralen we de tumorcellen van "
                        "binnenuit.",
                        "PSMA komt ook in gezond weefsel voor, onder meer in de speekselklieren, de "
                        "traanklieren, de nieren en de dunne darm. Daar ontstaan de belangrijkste "
                        "bijwerkingen.",
                    ),
                    heading("Het bewijs"),
                    paragraphs(
                        "In de gerandomiseerde VISION-studie (2021) kregen patiënten met PSMA-positief "
                        "gemetastaseerd castratieresistent prostaatcarcinoom (mCRPC), die al waren behandeld "
                        "met een androgeenreceptorremmer en met taxaanchemotherapie, [177Lu]Lu-PSMA-617 "
                        "naast de standaardbehandeling. Zij leefden langer (mediaan 15,3 tegen 11,3 maanden) "
                        "en hun ziekte bleef langer onder controle dan bij de standaardbehandeling alleen.",
                        "Op grond daarvan is [177Lu]Lu-PSMA-617 (vipivotide tetraxetan) eind 2022 in de "
                        "Europese Unie toegelaten. Naar inzet eerder in het ziektebeloop wordt onderzoek "
                        "gedaan; volg voor de indicatie steeds de actuele registratie en richtlijn.",
                    ),
                    heading("Wie komt in aanmerking?"),
                    paragraphs(
                        "De keuze valt in een multidisciplinair overleg met uroloog, internist-oncoloog en "
                        "nucleair geneeskundige. Een PSMA-PET/CT, met een 68Ga- of 18F-gelabeld PSMA-ligand, "
                        "moet laten zien dat de tumorhaarden voldoende PSMA opnemen. In VISION gold: ten "
                        "minste één laesie met een opname hoger dan die van de lever, en geen metastasen van "
                        "betekenis zonder PSMA-opname. Zulke PSMA-negatieve haarden worden door de therapie "
                        "niet bereikt. Sommige centra maken daarom ook een FDG-PET, om ziekte op te sporen "
                        "die wel glucose maar geen PSMA opneemt.",
                        "Verder moeten beenmerg en nieren de behandeling toelaten: controleer bloedbeeld en "
                        "nierfunctie vooraf. En de patiënt moet de leefregels na toediening kunnen volgen; "
                        "bij bijvoorbeeld incontinentie zijn extra maatregelen nodig.",
                    ),
                    key_points(
                        "Kernpunten",
                        "PSMA komt sterk tot expressie op prostaatkankercellen, maar ook in speekselklieren, "
                        "traanklieren, nieren en dunne darm.",
                        "VISION: langere overleving bij PSMA-positief mCRPC na een androgeenreceptorremmer "
                        "en een taxaan.",
                        "PSMA-PET: opname hoger dan de lever, zonder relevante PSMA-negatieve haarden.",
                        "De keuze valt in het multidisciplinair overleg; bloedbeeld en nierfunctie worden "
                        "vooraf gecontroleerd.",
                    ),
                ],
            },
            "en": {
                "title": "PSMA as a target and selecting patients",
                "slug": "psma-and-selecting-patients",
                "introduction": "Why PSMA is a good target for theranostics, what the VISION trial showed, "
                "and how PSMA PET decides who is eligible for treatment.",
                "body": [
                    heading("Theranostics"),
                    paragraphs(
                        "Prostate-specific membrane antigen (PSMA) is a cell-membrane protein strongly "
                        "expressed on most prostate cancer cells, particularly in advanced, "
                        "castration-resistant disease. Small molecules that bind PSMA can be labelled with a "
                        "diagnostic or a therapeutic radionuclide. That is the principle of theranostics: "
                        "PSMA PET shows where the target is, and a similar molecule labelled with 177Lu "
                        "irradiates the tumour cells from within.",
                        "PSMA is also found in healthy tissue, including the salivary glands, the lacrimal "
                        "glands, the kidneys and the small intestine. That is where the main side effects "
                        "arise.",
                    ),
                    heading("The evidence"),
                    paragraphs(
                        "In the randomised VISION trial (2021), patients with PSMA-positive metastatic "
                        "castration-resistant prostate cancer (mCRPC) who had already been treated with an "
                        "androgen receptor pathway inhibitor and taxane chemotherapy received "
                        "[177Lu]Lu-PSMA-617 in addition to standard care. They lived longer (median 15.3 "
                        "versus 11.3 months) and their disease stayed under control longer than with "
                        "standard care alone.",
                        "On that basis, [177Lu]Lu-PSMA-617 (vipivotide tetraxetan) was authorised in the "
                        "European Union at the end of 2022. Use earlier in the course of the disease is "
                        "being studied; always follow the current label and guideline for the indication.",
                    ),
                    heading("Who is eligible?"),
                    paragraphs(
                        "The decision is made in a multidisciplinary meeting of urologist, medical "
                        "oncologist and nuclear medicine physician. A PSMA PET/CT, with a 68Ga- or "
                        "18F-labelled PSMA ligand, must show that the tumour sites take up enough PSMA. In "
                        "VISION the criteria were: at least one lesion with uptake higher than the liver, "
                        "and no significant metastases without PSMA uptake. Such PSMA-negative sites are not "
                        "reached by the therapy. Some centres therefore also perform an FDG PET, to find "
                        "disease that takes up glucose but not PSMA.",
                        "Bone marrow and kidneys must also allow treatment: check blood counts and renal "
                        "function beforehand. And the patient must be able to follow the instructions after "
                        "administration; incontinence, for example, calls for extra measures.",
                    ),
                    key_points(
                        "Key points",
                        "PSMA is strongly expressed on prostate cancer cells, but also in salivary glands, "
                        "lacrimal glands, kidneys and small intestine.",
                        "VISION: longer survival in PSMA-positive mCRPC after an androgen receptor pathway "
                        "inhibitor and a taxane.",
                        "PSMA PET: uptake higher than the liver, without relevant PSMA-negative sites.",
                        "The decision is made in the multidisciplinary meeting; blood counts and renal "
                        "function are checked beforehand.",
                    ),
                ],
            },
        },
        {
            "nl": {
                "title": "Lutetium-177: fysica en productie",
                "slug": "lutetium-177",
                "introduction": "De eigenschappen van 177Lu verklaren zowel hoe de therapie werkt als welke "
                "maatregelen eromheen nodig zijn.",
                "body": [
                    heading("Verval"),
                    paragraphs(
                        "177Lu vervalt met een halveringstijd van 6,65 dagen door bètamin-verval naar "
                        "stabiel 177Hf. De elektronen hebben een maximale energie van 498 keV en een "
                        "gemiddelde dracht in weefsel van minder dan een millimeter (maximaal ongeveer 2 "
                        "mm). De dosis blijft dus geconcentreerd in en rond de cellen die het molecuul "
                        "binden, terwijl het gezonde weefsel eromheen grotendeels gespaard blijft.",
                        "Daarnaast zendt 177Lu gammafotonen uit van 113 keV (ongeveer 6%) en 208 keV "
                        "(ongeveer 10%). Daarmee kunnen we na de behandeling met een gammacamera of SPECT/CT "
                        "zien waar het geneesmiddel is gebleven, en de dosis berekenen.",
                    ),
                    table(
                        "Eigenschappen van 177Lu",
                        [
                            ["Eigenschap", "177Lu"],
                            ["Halveringstijd", "6,65 dagen"],
                            ["Verval", "β− naar stabiel 177Hf"],
                            ["Maximale β-energie", "498 keV"],
                            ["Dracht in weefsel", "gemiddeld < 1 mm, maximaal ca. 2 mm"],
                            ["Gammafotonen", "113 keV (6%), 208 keV (10%)"],
                        ],
                    ),
                    heading("Productie"),
                    paragraphs(
                        "177Lu wordt gemaakt in een kernreactor, in Nederland onder meer in de Hoge Flux "
                        "Reactor in Petten. Er zijn twee routes. Bij de <b>directe route</b> wordt verrijkt "
                        "176Lu met neutronen bestraald: 176Lu(n,γ)177Lu. Het product bevat dan ook stabiel "
                        "lutetium (carrier-added) en een kleine hoeveelheid 177mLu, een metastabiele "
                        "toestand met een halveringstijd van 160,4 dagen.",
                        "Bij de <b>indirecte route</b> wordt verrijkt 176Yb bestraald; het gevormde 177Yb "
                        "vervalt binnen enkele uren naar 177Lu, dat chemisch van het ytterbium wordt "
                        "gescheiden. Dit 177Lu is vrij van drager (no-carrier-added) en bevat vrijwel geen "
                        "177mLu.",
                        "Die 177mLu doet ertoe voor het afval: materiaal met een langlevende bijmenging kan "
                        "niet na een paar weken vervallen als gewoon afval worden afgevoerd. Weet dus welke "
                        "route uw leverancier gebruikt, en stem het afvalbeleid daarop af.",
                    ),
                    heading("Stralingsbescherming"),
                    paragraphs(
                        "Voor het personeel komt de externe dosis vooral van de gammafotonen; de "
                        "bètadeeltjes worden in de patiënt en in de wand van flacon en spuit geabsorbeerd. "
                        "Aan het oppervlak van een flacon of spuit met enkele gigabecquerel is het "
                        "dosistempo wel hoog: werk met afscherming en tangen. Omdat het geneesmiddel vooral "
                        "via de urine wordt uitgescheiden, zijn urine en alles wat ermee in aanraking komt "
                        "de belangrijkste bron van besmetting, vooral in de eerste dagen na toediening."
                    ),
                    key_points(
                        "Kernpunten",
                        "177Lu: halveringstijd 6,65 dagen, β− met maximaal 498 keV en een dracht van "
                        "gemiddeld minder dan 1 mm.",
                        "De γ-fotonen van 113 en 208 keV maken beeldvorming en dosimetrie na therapie "
                        "mogelijk.",
                        "De directe route (176Lu) geeft 177mLu met een halveringstijd van 160,4 dagen; de "
                        "indirecte route (176Yb) niet.",
                        "Na toediening is urine de belangrijkste bron van besmetting.",
                    ),
                ],
            },
            "en": {
                "title": "Lutetium-177: physics and production",
                "slug": "lutetium-177",
                "introduction": "The properties of 177Lu explain both how the therapy works and which "
                "measures it calls for.",
                "body": [
                    heading("Decay"),
                    paragraphs(
                        "177Lu decays with a half-life of 6.65 days by beta-minus decay to stable 177Hf. The "
                        "electrons have a maximum energy of 498 keV and a mean range in tissue of less than "
                        "a millimetre (at most about 2 mm). The dose therefore stays concentrated in and "
                        "around the cells that bind the molecule, while the surrounding healthy tissue is "
                        "largely spared.",
                        "177Lu also emits gamma photons of 113 keV (about 6%) and 208 keV (about 10%). With "
                        "them, a gamma camera or SPECT/CT can show after treatment where the drug has gone, "
                        "and the dose can be calculated.",
                    ),
                    table(
                        "Properties of 177Lu",
                        [
                            ["Property", "177Lu"],
                            ["Half-life", "6.65 days"],
                            ["Decay", "β− to stable 177Hf"],
                            ["Maximum β energy", "498 keV"],
                            ["Range in tissue", "mean < 1 mm, maximum about 2 mm"],
                            ["Gamma photons", "113 keV (6%), 208 keV (10%)"],
                        ],
                    ),
                    heading("Production"),
                    paragraphs(
                        "177Lu is made in a nuclear reactor, in the Netherlands among others in the High "
                        "Flux Reactor in Petten. There are two routes. In the <b>direct route</b>, enriched "
                        "176Lu is irradiated with neutrons: 176Lu(n,γ)177Lu. The product then also contains "
                        "stable lutetium (carrier-added) and a small amount of 177mLu, a metastable state "
                        "with a half-life of 160.4 days.",
                        "In the <b>indirect route</b>, enriched 176Yb is irradiated; the 177Yb formed decays "
                        "within hours to 177Lu, which is separated chemically from the ytterbium. This 177Lu "
                        "is no-carrier-added and contains practically no 177mLu.",
                        "The 177mLu matters for waste: material with a long-lived impurity cannot be "
                        "disposed of as ordinary waste after a few weeks of decay. So know which route your "
                        "supplier uses, and set your waste policy accordingly.",
                    ),
                    heading("Radiation protection"),
                    paragraphs(
                        "For staff, the external dose comes mainly from the gamma photons; the beta "
                        "particles are absorbed in the patient and in the wall of vial and syringe. At the "
                        "surface of a vial or syringe holding several gigabecquerel the dose rate is high "
                        "nonetheless: work with shielding and tongs. Because the drug is excreted mainly in "
                        "the urine, urine and everything that touches it are the main source of "
                        "contamination, especially in the first days after administration."
                    ),
                    key_points(
                        "Key points",
                        "177Lu: half-life 6.65 days, β− with at most 498 keV and a mean range below 1 mm.",
                        "The γ photons of 113 and 208 keV allow post-therapy imaging and dosimetry.",
                        "The direct route (176Lu) yields 177mLu with a half-life of 160.4 days; the indirect "
                        "route (176Yb) does not.",
                        "After administration, urine is the main source of contamination.",
                    ),
                ],
            },
        },
        {
            "nl": {
                "title": "In het hotlab: bereiding en kwaliteitscontrole",
                "slug": "bereiding-en-kwaliteitscontrole",
                "introduction": "Of de dosis nu gebruiksklaar wordt geleverd of in het eigen hotlab wordt "
                "gelabeld: zonder controle en vrijgave gaat er niets naar de patiënt.",
                "body": [
                    heading("Geleverd of zelf bereid"),
                    paragraphs(
                        "De geregistreerde [177Lu]Lu-PSMA-617 wordt door de fabrikant als gebruiksklare "
                        "oplossing geleverd, met een activiteit die klopt op het geplande tijdstip van "
                        "toediening. Het hotlab controleert bij ontvangst de verpakking, de gegevens op het "
                        "etiket en de activiteit in de dosiskalibrator, en maakt de dosis klaar voor "
                        "toediening.",
                        "Sommige centra bereiden 177Lu-PSMA zelf, bijvoorbeeld voor onderzoek met andere "
                        "liganden. Dat gebeurt onder verantwoordelijkheid van de ziekenhuisapotheker, "
                        "volgens de regels voor goede bereidingspraktijk (GMP), in een afgeschermde, "
                        "aseptische werkplek.",
                    ),
                    heading("Het labelen"),
                    paragraphs(
                        "Een PSMA-ligand als PSMA-617 draagt een DOTA-chelator die het lutetiumion stevig "
                        "vasthoudt. Het labelen gebeurt in een gebufferde, licht zure oplossing, met "
                        "verwarmen tot ongeveer 90 à 95 °C gedurende 15 tot 30 minuten. Bij hoge "
                        "activiteiten breekt de straling zelf moleculen af: radiolyse. Daarom worden "
                        "radicaalvangers als ascorbinezuur of gentisinezuur toegevoegd, en wordt de "
                        "bereiding na afloop verdund."
                    ),
                    heading("Kwaliteitscontrole en vrijgave"),
                    paragraphs(
                        "Voor vrijgave controleert het hotlab ten minste het uiterlijk (helder, kleurloos, "
                        "zonder deeltjes), de pH, de activiteit en de radiochemische zuiverheid, met "
                        "dunnelaagchromatografie (iTLC) en/of HPLC. Die laatste laat zien hoeveel 177Lu niet "
                        "aan het ligand is gebonden: vrij lutetium hoopt zich op in het bot en geeft daar "
                        "onnodige dosis. Een gangbare eis is een radiochemische zuiverheid van ten minste "
                        "95%. Steriliteit en endotoxinen worden bepaald volgens de specificaties van de "
                        "bereiding, soms pas na toediening; het aseptische proces moet dan gevalideerd zijn.",
                        "De vrijgave is een aparte, vastgelegde beslissing: de bevoegde apotheker vergelijkt "
                        "alle uitkomsten met de specificaties voordat de dosis naar de afdeling gaat. Leg de "
                        "gemeten activiteit, het tijdstip en het batchnummer vast, zodat elke toediening "
                        "herleidbaar is.",
                    ),
                    key_points(
                        "Kernpunten",
                        "Geregistreerde 177Lu-PSMA-617 wordt gebruiksklaar geleverd; controleer bij "
                        "ontvangst etiket en activiteit.",
                        "Eigen bereiding valt onder verantwoordelijkheid van de ziekenhuisapotheker en volgt "
                        "GMP.",
                        "Radicaalvangers als ascorbinezuur beperken radiolyse.",
                        "Radiochemische zuiverheid (iTLC/HPLC) doorgaans ten minste 95% voor vrijgave.",
                        "Vrijgave is een vastgelegde beslissing; elke toediening is herleidbaar tot een "
                        "batch.",
                    ),
                ],
            },
            "en": {
                "title": "In the hot lab: preparation and quality control",
                "slug": "preparation-and-quality-control",
                "introduction": "Whether the dose arrives ready to use or is labelled in your own hot lab: "
                "nothing goes to the patient without quality control and release.",
                "body": [
                    heading("Supplied or prepared in house"),
                    paragraphs(
                        "Authorised [177Lu]Lu-PSMA-617 is supplied by the manufacturer as a ready-to-use "
                        "solution, with an activity calibrated for the planned time of administration. On "
                        "receipt, the hot lab checks the packaging, the label and the activity in the dose "
                        "calibrator, and prepares the dose for administration.",
                        "Some centres prepare 177Lu-PSMA themselves, for instance for research with other "
                        "ligands. That happens under the responsibility of the hospital pharmacist, "
                        "following good manufacturing practice (GMP), in a shielded, aseptic workstation.",
                    ),
                    heading("Labelling"),
                    paragraphs(
                        "A PSMA ligand such as PSMA-617 carries a DOTA chelator that holds the lutetium ion "
                        "firmly. Labelling takes place in a buffered, slightly acidic solution, heated to "
                        "about 90 to 95 °C for 15 to 30 minutes. At high activities the radiation itself "
                        "breaks molecules down: radiolysis. That is why radical scavengers such as ascorbic "
                        "acid or gentisic acid are added, and why the preparation is diluted afterwards."
                    ),
                    heading("Quality control and release"),
                    paragraphs(
                        "Before release, the hot lab checks at least the appearance (clear, colourless, free "
                        "of particles), the pH, the activity and the radiochemical purity, by thin-layer "
                        "chromatography (iTLC) and/or HPLC. The latter shows how much 177Lu is not bound to "
                        "the ligand: free lutetium accumulates in bone and gives an unnecessary dose there. "
                        "A usual requirement is a radiochemical purity of at least 95%. Sterility and "
                        "endotoxins are tested according to the preparation's specifications, sometimes only "
                        "after administration; the aseptic process must then be validated.",
                        "Release is a separate, recorded decision: the authorised pharmacist compares all "
                        "results with the specifications before the dose goes to the ward. Record the "
                        "measured activity, the time and the batch number, so that every administration can "
                        "be traced.",
                    ),
                    key_points(
                        "Key points",
                        "Authorised 177Lu-PSMA-617 arrives ready to use; check label and activity on "
                        "receipt.",
                        "In-house preparation is the hospital pharmacist's responsibility and follows GMP.",
                        "Radical scavengers such as ascorbic acid limit radiolysis.",
                        "Radiochemical purity (iTLC/HPLC) usually at least 95% for release.",
                        "Release is a recorded decision; every administration can be traced to a batch.",
                    ),
                ],
            },
        },
        {
            "nl": {
                "title": "Toediening, nazorg en dosimetrie",
                "slug": "toediening-nazorg-en-dosimetrie",
                "introduction": "Het gangbare schema, de toediening zelf, wat de patiënt mee naar huis "
                "krijgt, en hoe beeldvorming na therapie de behandeling onderbouwt.",
                "body": [
                    heading("Schema en toediening"),
                    paragraphs(
                        "Het geregistreerde schema is 7,4 GBq per keer, elke zes weken, tot zes cycli. Vóór "
                        "elke cyclus worden bloedbeeld en nierfunctie gecontroleerd; bij toxiciteit kan een "
                        "cyclus worden uitgesteld, de activiteit verlaagd of de behandeling gestopt.",
                        "De toediening is intraveneus, via een goed lopend infuus, met een pomp of een "
                        "afgeschermd toedieningssysteem, en wordt nagespoeld met fysiologisch zout. "
                        "Controleer de ligging van het infuus vooraf: bij een paraveneuze toediening krijgt "
                        "het weefsel rond de prikplaats een hoge dosis.",
                        "Zorg dat de patiënt goed gehydrateerd is en vaak plast: dat versnelt de "
                        "uitscheiding en verlaagt de dosis aan de blaas. Veelvoorkomende bijwerkingen zijn "
                        "een droge mond, vermoeidheid, misselijkheid en een daling van het bloedbeeld "
                        "(bloedarmoede, minder bloedplaatjes).",
                    ),
                    heading("Leefregels"),
                    paragraphs(
                        "De patiënt gaat met een schriftelijke instructie naar huis. Hoe lang de regels "
                        "gelden, volgt uit de lokale risicoanalyse, maar de kern is steeds dezelfde:",
                        bullets(
                            "de eerste dagen afstand houden van anderen, vooral van kinderen en zwangere "
                            "vrouwen;",
                            "apart slapen;",
                            "zittend plassen, het toilet twee keer doorspoelen en de handen goed wassen;",
                            "bij een ziekenhuisopname elders melden dat er kort geleden een behandeling met "
                            "radioactiviteit was.",
                        ),
                    ),
                    heading("Beeldvorming en dosimetrie na therapie"),
                    paragraphs(
                        "Dankzij de gammafotonen van 177Lu kan na elke cyclus een SPECT/CT worden gemaakt, "
                        "bijvoorbeeld een dag na toediening. Die laat zien of de activiteit zich in de "
                        "tumorhaarden heeft opgehoopt, en na enkele cycli hoe de ziekte reageert.",
                        "Met opnamen op meerdere tijdstippen, of met een gevalideerde methode op één "
                        "tijdstip, berekent de klinisch fysicus de geabsorbeerde dosis in nieren, "
                        "speekselklieren en tumoren. Voor de nieren ligt die in de orde van 0,4 Gy per GBq. "
                        "Dosimetrie is nog geen standaard bij elke patiënt, maar helpt om ongewone "
                        "verdelingen te herkennen en om de behandeling te onderbouwen.",
                    ),
                    key_points(
                        "Kernpunten",
                        "Geregistreerd schema: 7,4 GBq elke zes weken, tot zes cycli.",
                        "Controleer voor elke cyclus bloedbeeld en nierfunctie, en voor elke toediening de "
                        "ligging van het infuus.",
                        "Veelvoorkomende bijwerkingen: droge mond, vermoeidheid, misselijkheid en een daling "
                        "van het bloedbeeld.",
                        "Leefregels: afstand tot kinderen en zwangeren, apart slapen, zittend plassen en "
                        "twee keer doorspoelen.",
                        "SPECT/CT na therapie maakt dosimetrie van nieren, speekselklieren en tumoren "
                        "mogelijk.",
                    ),
                ],
            },
            "en": {
                "title": "Administration, aftercare and dosimetry",
                "slug": "administration-aftercare-and-dosimetry",
                "introduction": "The usual regimen, the administration itself, what the patient takes home, "
                "and how post-therapy imaging supports the treatment.",
                "body": [
                    heading("Regimen and administration"),
                    paragraphs(
                        "The authorised regimen is 7.4 GBq per administration, every six weeks, for up to "
                        "six cycles. Blood counts and renal function are checked before every cycle; in case "
                        "of toxicity a cycle can be postponed, the activity reduced or the treatment "
                        "stopped.",
                        "Administration is intravenous, through a well-running line, with a pump or a "
                        "shielded administration system, followed by a saline flush. Check the position of "
                        "the line beforehand: with a paravenous administration, the tissue around the "
                        "injection site receives a high dose.",
                        "Make sure the patient is well hydrated and voids often: this speeds up excretion "
                        "and lowers the dose to the bladder. Common side effects are dry mouth, fatigue, "
                        "nausea and falling blood counts (anaemia, fewer platelets).",
                    ),
                    heading("Patient instructions"),
                    paragraphs(
                        "The patient goes home with written instructions. How long they apply follows from "
                        "the local risk assessment, but the core is always the same:",
                        bullets(
                            "keep a distance from others for the first days, especially from children and "
                            "pregnant women;",
                            "sleep apart;",
                            "sit down to urinate, flush the toilet twice and wash hands well;",
                            "if admitted to another hospital, mention the recent treatment with "
                            "radioactivity.",
                        ),
                    ),
                    heading("Post-therapy imaging and dosimetry"),
                    paragraphs(
                        "Thanks to the gamma photons of 177Lu, a SPECT/CT can be made after every cycle, for "
                        "instance a day after administration. It shows whether the activity has accumulated "
                        "in the tumour sites and, after a few cycles, how the disease responds.",
                        "With images at several time points, or a validated single-time-point method, the "
                        "clinical physicist calculates the absorbed dose to the kidneys, salivary glands and "
                        "tumours. For the kidneys it is in the order of 0.4 Gy per GBq. Dosimetry is not yet "
                        "standard for every patient, but it helps to recognise unusual distributions and to "
                        "support treatment decisions.",
                    ),
                    key_points(
                        "Key points",
                        "Authorised regimen: 7.4 GBq every six weeks, up to six cycles.",
                        "Check blood counts and renal function before every cycle, and the line before every "
                        "administration.",
                        "Common side effects: dry mouth, fatigue, nausea and falling blood counts.",
                        "Instructions: distance from children and pregnant women, sleep apart, sit to "
                        "urinate and flush twice.",
                        "Post-therapy SPECT/CT allows dosimetry of kidneys, salivary glands and tumours.",
                    ),
                ],
            },
        },
    ],
    "quiz": [
        question(
            [2],
            nl=(
                "Wat is de fysische halveringstijd van 177Lu?",
                ["6,0 uur", "68 minuten", "6,65 dagen", "160,4 dagen"],
                "177Lu heeft een halveringstijd van 6,65 dagen. 6,0 uur is die van 99mTc, 68 minuten die van "
                "68Ga, en 160,4 dagen die van de metastabiele bijmenging 177mLu.",
            ),
            en=(
                "What is the physical half-life of 177Lu?",
                ["6.0 hours", "68 minutes", "6.65 days", "160.4 days"],
                "177Lu has a half-life of 6.65 days. 6.0 hours is that of 99mTc, 68 minutes that of 68Ga, "
                "and 160.4 days that of the metastable impurity 177mLu.",
            ),
        ),
        question(
            [0, 1],
            nl=(
                "Welke uitspraken over het verval van 177Lu kloppen?",
                [
                    "De bètamin-deeltjes geven de therapeutische dosis, met een gemiddelde dracht in weefsel "
                    "van minder dan een millimeter",
                    "De gammafotonen van 113 en 208 keV maken SPECT/CT na therapie mogelijk",
                    "177Lu zendt alfadeeltjes uit",
                    "177Lu zendt positronen uit, zodat de verdeling met PET wordt gemeten",
                ],
                "177Lu is een bètamin-straler met gammafotonen van 113 en 208 keV. Het zendt geen "
                "alfadeeltjes of positronen uit; de verdeling na therapie meten we met SPECT/CT.",
            ),
            en=(
                "Which statements about the decay of 177Lu are true?",
                [
                    "The beta-minus particles deliver the therapeutic dose, with a mean range in tissue "
                    "below a millimetre",
                    "The gamma photons of 113 and 208 keV allow post-therapy SPECT/CT",
                    "177Lu emits alpha particles",
                    "177Lu emits positrons, so that its distribution is measured with PET",
                ],
                "177Lu is a beta-minus emitter with gamma photons of 113 and 208 keV. It emits no alpha "
                "particles or positrons; the post-therapy distribution is measured with SPECT/CT.",
            ),
        ),
        question(
            [0],
            nl=(
                "Wat is het geregistreerde schema van [177Lu]Lu-PSMA-617?",
                [
                    "7,4 GBq elke zes weken, tot zes cycli",
                    "3,7 GBq elke week, vier keer",
                    "Eenmalig 22 GBq",
                    "1,85 GBq elke twee weken, tot twaalf cycli",
                ],
                "Het geregistreerde schema, zoals in de VISION-studie, is 7,4 GBq elke zes weken, tot zes "
                "cycli, met controle van bloedbeeld en nierfunctie voor elke cyclus.",
            ),
            en=(
                "What is the authorised regimen of [177Lu]Lu-PSMA-617?",
                [
                    "7.4 GBq every six weeks, up to six cycles",
                    "3.7 GBq every week, four times",
                    "A single 22 GBq",
                    "1.85 GBq every two weeks, up to twelve cycles",
                ],
                "The authorised regimen, as in the VISION trial, is 7.4 GBq every six weeks, up to six "
                "cycles, with blood counts and renal function checked before every cycle.",
            ),
        ),
        question(
            [1],
            nl=(
                "Waarom worden ascorbinezuur of gentisinezuur aan een 177Lu-PSMA-bereiding toegevoegd?",
                [
                    "Om de pH te verhogen",
                    "Om radiolyse te beperken",
                    "Om vrij lutetium te binden",
                    "Om de oplossing te steriliseren",
                ],
                "Bij hoge activiteiten vormt de straling radicalen die het gelabelde molecuul afbreken "
                "(radiolyse). Radicaalvangers als ascorbinezuur en gentisinezuur gaan dat tegen.",
            ),
            en=(
                "Why are ascorbic acid or gentisic acid added to a 177Lu-PSMA preparation?",
                [
                    "To raise the pH",
                    "To limit radiolysis",
                    "To bind free lutetium",
                    "To sterilise the solution",
                ],
                "At high activities the radiation forms radicals that break down the labelled molecule "
                "(radiolysis). Radical scavengers such as ascorbic acid and gentisic acid counter this.",
            ),
        ),
        question(
            [0, 1, 2],
            nl=(
                "Wat hoort bij de voorbereiding van elke cyclus 177Lu-PSMA?",
                [
                    "Het bloedbeeld controleren",
                    "De nierfunctie controleren",
                    "De ligging van het infuus controleren",
                    "Een nieuwe FDG-PET maken",
                ],
                "Bloedbeeld en nierfunctie bepalen of de cyclus door kan gaan, en een goed liggend infuus "
                "voorkomt een paraveneuze toediening. Een FDG-PET kan helpen bij de selectie, maar hoort "
                "niet bij elke cyclus.",
            ),
            en=(
                "What belongs to the preparation of every 177Lu-PSMA cycle?",
                [
                    "Checking blood counts",
                    "Checking renal function",
                    "Checking the position of the line",
                    "A new FDG PET scan",
                ],
                "Blood counts and renal function decide whether the cycle can go ahead, and a well-placed "
                "line prevents a paravenous administration. An FDG PET can help in selection, but is not "
                "part of every cycle.",
            ),
        ),
        question(
            [2],
            nl=(
                "Op de PSMA-PET van een patiënt is een grote levermetastase te zien zonder PSMA-opname. Wat "
                "betekent dat voor de behandeling met 177Lu-PSMA?",
                [
                    "Niets: de therapie bereikt alle metastasen",
                    "Die metastase krijgt juist extra dosis",
                    "Die haard wordt door de therapie niet bereikt; dat pleit tegen behandeling",
                    "De scan moet met 99mTc worden herhaald",
                ],
                "177Lu-PSMA bereikt alleen cellen die PSMA dragen. In VISION werden patiënten met "
                "PSMA-negatieve metastasen van betekenis uitgesloten, omdat die ziekte onbehandeld zou "
                "blijven.",
            ),
            en=(
                "A patient's PSMA PET shows a large liver metastasis without PSMA uptake. What does that "
                "mean for treatment with 177Lu-PSMA?",
                [
                    "Nothing: the therapy reaches all metastases",
                    "That metastasis receives an extra dose",
                    "That site is not reached by the therapy; this argues against treatment",
                    "The scan must be repeated with 99mTc",
                ],
                "177Lu-PSMA only reaches cells that carry PSMA. VISION excluded patients with significant "
                "PSMA-negative metastases, because that disease would remain untreated.",
            ),
        ),
    ],
}


# Course 3: PET/CT quantification, from the technical side.

PET_QUANTIFICATION = {
    "key": "pet-quantification",
    "fields": {
        "level": "intermediate",
        "duration_minutes": 180,
        "points": Decimal("3"),
        "accrediting_body": "pe_online",
        "activity_id": "PE-2026-31877",
        "accredited_from": ACCREDITED_FROM,
        "accredited_until": ACCREDITED_UNTIL,
        "pass_mark": 70,
        "attempt_limit": 3,
    },
    "audience": ["clinical_physicist", "technologist", "nuclear_medicine_physician", "researcher"],
    "competencies": ["quantification", "instrument-qa", "pet-ct-physics"],
    "nl": {
        "title": "Introductie in PET/CT-kwantificering (SUV, kalibratie, EARL)",
        "slug": "pet-ct-kwantificering",
        "summary": "Wat een standardized uptake value (SUV) wel en niet zegt, hoe een correcte kalibratie "
        "van dosiskalibrator en scanner de basis legt, en hoe EARL-harmonisatie uitkomsten vergelijkbaar "
        "maakt tussen scanners, ziekenhuizen en opeenvolgende scans van dezelfde patiënt.",
        "learning_objectives": bullets(
            "de SUV berekenen en het verschil tussen SUVmax, SUVpeak en SUVmean uitleggen;",
            "de belangrijkste technische en biologische foutenbronnen in een SUV herkennen;",
            "een kruiskalibratie van PET-scanner en dosiskalibrator beschrijven;",
            "uitleggen wat EARL-accreditatie inhoudt en waarom een EARL-conforme reconstructie nodig is voor "
            "vergelijking en multicenteronderzoek.",
        ),
    },
    "en": {
        "title": "Introduction to PET/CT quantification (SUV, calibration, EARL)",
        "slug": "pet-ct-quantification",
        "summary": "What a standardised uptake value (SUV) does and does not tell you, how correct "
        "calibration of dose calibrator and scanner lays the foundation, and how EARL harmonisation makes "
        "results comparable between scanners, hospitals and successive scans of the same patient.",
        "learning_objectives": bullets(
            "calculate the SUV and explain the difference between SUVmax, SUVpeak and SUVmean;",
            "recognise the main technical and biological sources of error in an SUV;",
            "describe a cross-calibration of PET scanner and dose calibrator;",
            "explain what EARL accreditation involves and why an EARL-compliant reconstruction is needed for "
            "comparison and multicentre research.",
        ),
    },
    "lessons": [
        {
            "nl": {
                "title": "Wat een SUV meet",
                "slug": "wat-een-suv-meet",
                "introduction": "De standardized uptake value is het meest gebruikte getal in de PET. Hoe "
                "hij wordt berekend, en welke varianten er zijn.",
                "body": [
                    heading("De definitie"),
                    paragraphs(
                        "Een PET-scanner meet de activiteitsconcentratie in elk voxel, in kBq/mL. Die "
                        "concentratie hangt niet alleen af van de tumor, maar ook van hoeveel activiteit is "
                        "toegediend en hoe groot de patiënt is. De SUV corrigeert daarvoor: het is de "
                        "gemeten concentratie gedeeld door de toegediende activiteit per gram "
                        "lichaamsgewicht, waarbij beide naar hetzelfde tijdstip zijn gecorrigeerd voor "
                        "verval. Als we aannemen dat 1 mL weefsel 1 g weegt, is de SUV een getal zonder "
                        "eenheid. Een SUV van 1 betekent dezelfde concentratie als wanneer de activiteit "
                        "zich gelijkmatig over het lichaam had verdeeld.",
                        "Een voorbeeld: een patiënt van 80 kg krijgt 200 MBq FDG, gecorrigeerd voor verval "
                        "naar het tijdstip van de scan. In een laesie meet de scanner 10 kBq/mL. De "
                        "toegediende activiteit per gram is 200.000 kBq / 80.000 g = 2,5 kBq/g, dus de SUV "
                        "is 10 / 2,5 = 4,0.",
                    ),
                    heading("Varianten"),
                    paragraphs(
                        bullets(
                            "<b>SUVmax</b>: de waarde van het heetste voxel. Eenvoudig en onafhankelijk van "
                            "wie de laesie intekent, maar gevoelig voor ruis en voor de reconstructie.",
                            "<b>SUVpeak</b>: het gemiddelde in een bolletje van ongeveer 1 cm³ rond het "
                            "heetste deel van de laesie. Minder ruisgevoelig; gebruikt in de "
                            "PERCIST-criteria.",
                            "<b>SUVmean</b>: het gemiddelde in een ingetekend volume (VOI). Hangt sterk af "
                            "van hoe dat volume is bepaald.",
                            "<b>SUL</b>: de SUV genormaliseerd op de vetvrije massa in plaats van het "
                            "lichaamsgewicht, en daardoor minder afhankelijk van de lichaamsbouw.",
                        )
                    ),
                    heading("Wat een SUV niet is"),
                    paragraphs(
                        "Een SUV is op zich geen maat voor kwaadaardigheid. Ontsteking en infectie nemen ook "
                        "FDG op, en de opname van een tumor hangt af van de tijd tussen injectie en scan, "
                        "van de bloedglucose en van de scanner en zijn instellingen. SUV's zijn daarom "
                        "alleen goed te vergelijken als protocol en scanner dat toelaten: het onderwerp van "
                        "de volgende lessen."
                    ),
                    key_points(
                        "Kernpunten",
                        "SUV = activiteitsconcentratie / (toegediende activiteit / lichaamsgewicht), met "
                        "beide gecorrigeerd voor verval naar hetzelfde tijdstip.",
                        "SUVmax is ruisgevoelig; SUVpeak middelt over ongeveer 1 cm³.",
                        "SUL normaliseert op de vetvrije massa.",
                        "Een hoge SUV bewijst geen kwaadaardigheid: ook ontsteking neemt FDG op.",
                    ),
                ],
            },
            "en": {
                "title": "What an SUV measures",
                "slug": "what-an-suv-measures",
                "introduction": "The standardised uptake value is the most used number in PET. How it is "
                "calculated, and which variants there are.",
                "body": [
                    heading("The definition"),
                    paragraphs(
                        "A PET scanner measures the activity concentration in every voxel, in kBq/mL. That "
                        "concentration depends not only on the tumour, but also on how much activity was "
                        "administered and how large the patient is. The SUV corrects for this: it is the "
                        "measured concentration divided by the administered activity per gram of body "
                        "weight, with both decay-corrected to the same time. Assuming 1 mL of tissue weighs "
                        "1 g, the SUV has no unit. An SUV of 1 means the same concentration as if the "
                        "activity had spread evenly through the body.",
                        "An example: a patient of 80 kg receives 200 MBq of FDG, decay-corrected to the time "
                        "of the scan. In a lesion the scanner measures 10 kBq/mL. The administered activity "
                        "per gram is 200,000 kBq / 80,000 g = 2.5 kBq/g, so the SUV is 10 / 2.5 = 4.0.",
                    ),
                    heading("Variants"),
                    paragraphs(
                        bullets(
                            "<b>SUVmax</b>: the value of the hottest voxel. Simple and independent of who "
                            "draws the lesion, but sensitive to noise and to the reconstruction.",
                            "<b>SUVpeak</b>: the mean in a sphere of about 1 cm³ around the hottest part of "
                            "the lesion. Less sensitive to noise; used in the PERCIST criteria.",
                            "<b>SUVmean</b>: the mean in a drawn volume of interest (VOI). Depends strongly "
                            "on how that volume was defined.",
                            "<b>SUL</b>: the SUV normalised to lean body mass instead of body weight, and so "
                            "less dependent on body build.",
                        )
                    ),
                    heading("What an SUV is not"),
                    paragraphs(
                        "An SUV is not in itself a measure of malignancy. Inflammation and infection take up "
                        "FDG too, and the uptake of a tumour depends on the time between injection and scan, "
                        "on blood glucose, and on the scanner and its settings. SUVs can therefore only be "
                        "compared when protocol and scanner allow it: the subject of the next lessons."
                    ),
                    key_points(
                        "Key points",
                        "SUV = activity concentration / (administered activity / body weight), both "
                        "decay-corrected to the same time.",
                        "SUVmax is sensitive to noise; SUVpeak averages over about 1 cm³.",
                        "SUL normalises to lean body mass.",
                        "A high SUV does not prove malignancy: inflammation takes up FDG too.",
                    ),
                ],
            },
        },
        {
            "nl": {
                "title": "Kalibratie: van dosiskalibrator tot scanner",
                "slug": "kalibratie",
                "introduction": "Een SUV is zo goed als de zwakste schakel in de keten: de gemeten "
                "activiteit, de klokken en de kalibratie van de scanner.",
                "body": [
                    heading("De dosiskalibrator"),
                    paragraphs(
                        "De toegediende activiteit wordt gemeten in de dosiskalibrator. Die moet op het "
                        "juiste radionuclide staan, dagelijks een constantheidstest met een langlevende "
                        "referentiebron doorstaan, en periodiek worden gecontroleerd op nauwkeurigheid, "
                        "lineariteit en de invloed van de geometrie (spuit of flacon). Meet de spuit vóór en "
                        "na de injectie: de restactiviteit in spuit en lijn kan enkele procenten zijn en "
                        "moet van de toegediende activiteit worden afgetrokken."
                    ),
                    heading("Tijd en verval"),
                    paragraphs(
                        "18F heeft een halveringstijd van 109,8 minuten: na een uur is nog 68,5% over. Een "
                        "verschil van tien minuten tussen de klok van de dosiskalibrator en die van de "
                        "scanner geeft dus al ruim 6% fout in de vervalcorrectie. Synchroniseer daarom alle "
                        "klokken in de keten, liefst automatisch met een tijdserver, en noteer het "
                        "werkelijke tijdstip van meten en van injecteren."
                    ),
                    heading("Kruiskalibratie van de scanner"),
                    paragraphs(
                        "De scanner zelf wordt gekalibreerd tegen de dosiskalibrator van de afdeling. Vul "
                        "een cilinderfantoom met een bekende hoeveelheid water en een in de dosiskalibrator "
                        "gemeten activiteit 18F, meng goed, scan het fantoom en vergelijk de gemeten "
                        "activiteitsconcentratie met de verwachte. Het verschil moet binnen de gestelde "
                        "marge blijven; EARL hanteert 10%.",
                        "Herhaal de kruiskalibratie periodiek en na elke ingreep aan de scanner of de "
                        "dosiskalibrator. Een kalibratiefout verschuift alle SUV's van die scanner, van alle "
                        "patiënten, in dezelfde richting, en valt op een enkel beeld niet op.",
                    ),
                    key_points(
                        "Kernpunten",
                        "Meet de restactiviteit in spuit en lijn na de injectie en trek die af.",
                        "Synchroniseer alle klokken: tien minuten verschil geeft bij 18F ruim 6% fout.",
                        "Kruiskalibratie koppelt de scanner aan de dosiskalibrator; EARL staat maximaal 10% "
                        "afwijking toe.",
                        "Een kalibratiefout verschuift alle SUV's van een scanner.",
                    ),
                ],
            },
            "en": {
                "title": "Calibration: from dose calibrator to scanner",
                "slug": "calibration",
                "introduction": "An SUV is only as good as the weakest link in the chain: the measured "
                "activity, the clocks and the calibration of the scanner.",
                "body": [
                    heading("The dose calibrator"),
                    paragraphs(
                        "The administered activity is measured in the dose calibrator. It must be set to the "
                        "right radionuclide, pass a daily constancy test with a long-lived reference source, "
                        "and be checked periodically for accuracy, linearity and the effect of geometry "
                        "(syringe or vial). Measure the syringe before and after injection: the residual "
                        "activity in syringe and line can be a few per cent and must be subtracted from the "
                        "administered activity."
                    ),
                    heading("Time and decay"),
                    paragraphs(
                        "18F has a half-life of 109.8 minutes: after an hour, 68.5% is left. A difference of "
                        "ten minutes between the clock of the dose calibrator and that of the scanner "
                        "therefore already gives over 6% error in the decay correction. Synchronise all "
                        "clocks in the chain, preferably automatically with a time server, and record the "
                        "actual times of measurement and injection."
                    ),
                    heading("Cross-calibrating the scanner"),
                    paragraphs(
                        "The scanner itself is calibrated against the department's dose calibrator. Fill a "
                        "cylinder phantom with a known volume of water and an activity of 18F measured in "
                        "the dose calibrator, mix well, scan the phantom and compare the measured activity "
                        "concentration with the expected one. The difference must stay within the set "
                        "margin; EARL uses 10%.",
                        "Repeat the cross-calibration periodically and after any intervention on the scanner "
                        "or the dose calibrator. A calibration error shifts all SUVs from that scanner, for "
                        "all patients, in the same direction, and is invisible in any single image.",
                    ),
                    key_points(
                        "Key points",
                        "Measure the residual activity in syringe and line after injection and subtract it.",
                        "Synchronise all clocks: ten minutes' difference gives over 6% error with 18F.",
                        "Cross-calibration ties the scanner to the dose calibrator; EARL allows at most 10% "
                        "deviation.",
                        "A calibration error shifts all SUVs from a scanner.",
                    ),
                ],
            },
        },
        {
            "nl": {
                "title": "Harmonisatie met EARL en het patiëntprotocol",
                "slug": "harmonisatie-met-earl",
                "introduction": "Twee goed gekalibreerde scanners kunnen voor dezelfde laesie toch een "
                "andere SUVmax geven. Hoe EARL dat oplost, en wat de patiënt en het protocol eraan "
                "bijdragen.",
                "body": [
                    heading("Reconstructie en het partieel-volume-effect"),
                    paragraphs(
                        "De SUVmax van een kleine laesie hangt sterk af van de reconstructie: het aantal "
                        "iteraties en subsets, het filter, de voxelgrootte, en of time-of-flight en "
                        "resolutiemodellering (PSF) worden gebruikt. Door de beperkte ruimtelijke resolutie "
                        "van de scanner wordt de activiteit van een kleine laesie uitgesmeerd over een "
                        "groter volume: het partieel-volume-effect. Laesies kleiner dan ongeveer twee à drie "
                        "keer de resolutie (FWHM) worden daardoor onderschat.",
                        "Een moderne reconstructie met PSF geeft hogere en scherpere waarden. Dat helpt om "
                        "kleine laesies te zien, maar maakt vergelijken met een oudere scanner of een ander "
                        "ziekenhuis onbetrouwbaar.",
                    ),
                    heading("EARL"),
                    paragraphs(
                        "EARL (EANM Research Ltd.) is het accreditatieprogramma van de European Association "
                        "of Nuclear Medicine om kwantitatieve PET te harmoniseren. Een deelnemende afdeling "
                        "meet op vaste momenten de kalibratie en de beeldkwaliteit, de laatste met het NEMA "
                        "NU 2 IEC-bodyfantoom met zes bollen van 10 tot 37 mm diameter. Uit de metingen "
                        "volgen herstelcoëfficiënten: de gemeten gedeeld door de werkelijke "
                        "activiteitsconcentratie per bol. Die moeten binnen vastgestelde grenzen vallen.",
                        "Om dat te bereiken kiest de afdeling een reconstructie, vaak met een extra filter, "
                        "die alleen voor kwantificering wordt gebruikt. EARL1 is opgesteld voor oudere "
                        "systemen; EARL2 (2019) sluit aan op moderne scanners met PSF en time-of-flight. "
                        "Veel afdelingen maken daarom twee reconstructies van dezelfde scan: één voor het "
                        "visuele beoordelen, met de beste beeldkwaliteit, en één EARL-conforme voor "
                        "SUV-metingen, responsbeoordeling en multicenteronderzoek.",
                    ),
                    heading("De patiënt en het protocol"),
                    paragraphs(
                        "Ook de patiënt en het protocol bepalen de SUV. De EANM-richtlijn voor FDG-PET/CT "
                        "vraagt onder meer om:",
                        bullets(
                            "minstens vier uur nuchter;",
                            "de bloedglucose meten vóór injectie, en het onderzoek heroverwegen bij een "
                            "waarde boven 11 mmol/L;",
                            "een rustige, warme omgeving tussen injectie en scan;",
                            "een opnametijd van 60 minuten, en bij vervolgscans zo veel mogelijk dezelfde "
                            "opnametijd;",
                            "lengte en gewicht op de dag van de scan, gemeten en niet gevraagd.",
                        ),
                        "Een paraveneuze injectie laat een deel van de activiteit in de arm achter en "
                        "verlaagt alle SUV's; kijk daarom op het beeld naar de injectieplaats. Voor "
                        "responsbeoordeling zijn gestandaardiseerde criteria opgesteld, zoals PERCIST, dat "
                        "een daling van de SULpeak met ten minste 30% (en 0,8 eenheden) als partiële "
                        "metabole respons telt. Zulke drempels betekenen alleen iets als beide scans onder "
                        "vergelijkbare omstandigheden zijn gemaakt.",
                    ),
                    key_points(
                        "Kernpunten",
                        "Kleine laesies worden onderschat door het partieel-volume-effect.",
                        "Reconstructie-instellingen veranderen de SUVmax; EARL harmoniseert met "
                        "fantoommetingen.",
                        "EARL gebruikt het NEMA NU 2 IEC-bodyfantoom met zes bollen van 10 tot 37 mm.",
                        "Maak een aparte EARL-conforme reconstructie voor kwantificering en vergelijking.",
                        "Protocol: minstens vier uur nuchter, glucose gemeten, 60 minuten opnametijd, "
                        "gewicht gemeten op de dag zelf.",
                    ),
                ],
            },
            "en": {
                "title": "Harmonisation with EARL and the patient protocol",
                "slug": "harmonisation-with-earl",
                "introduction": "Two well-calibrated scanners can still give a different SUVmax for the same "
                "lesion. How EARL solves that, and what the patient and the protocol contribute.",
                "body": [
                    heading("Reconstruction and the partial-volume effect"),
                    paragraphs(
                        "The SUVmax of a small lesion depends strongly on the reconstruction: the number of "
                        "iterations and subsets, the filter, the voxel size, and whether time of flight and "
                        "resolution modelling (PSF) are used. Because of the scanner's limited spatial "
                        "resolution, the activity of a small lesion is smeared out over a larger volume: the "
                        "partial-volume effect. Lesions smaller than about two to three times the resolution "
                        "(FWHM) are therefore underestimated.",
                        "A modern reconstruction with PSF gives higher and sharper values. That helps to see "
                        "small lesions, but makes comparison with an older scanner or another hospital "
                        "unreliable.",
                    ),
                    heading("EARL"),
                    paragraphs(
                        "EARL (EANM Research Ltd.) is the accreditation programme of the European "
                        "Association of Nuclear Medicine for harmonising quantitative PET. A participating "
                        "department measures its calibration and image quality at set intervals, the latter "
                        "with the NEMA NU 2 IEC body phantom holding six spheres of 10 to 37 mm diameter. "
                        "The measurements give recovery coefficients: the measured divided by the true "
                        "activity concentration per sphere. These must fall within set limits.",
                        "To achieve that, the department chooses a reconstruction, often with an extra "
                        "filter, used only for quantification. EARL1 was drawn up for older systems; EARL2 "
                        "(2019) suits modern scanners with PSF and time of flight. Many departments "
                        "therefore make two reconstructions of the same scan: one for visual reading, with "
                        "the best image quality, and one EARL-compliant for SUV measurements, response "
                        "assessment and multicentre research.",
                    ),
                    heading("The patient and the protocol"),
                    paragraphs(
                        "The patient and the protocol shape the SUV too. The EANM guideline for FDG PET/CT "
                        "asks, among other things, for:",
                        bullets(
                            "at least four hours of fasting;",
                            "blood glucose measured before injection, and the scan reconsidered above 11 "
                            "mmol/L;",
                            "a quiet, warm environment between injection and scan;",
                            "an uptake time of 60 minutes, and the same uptake time as far as possible in "
                            "follow-up scans;",
                            "height and weight on the day of the scan, measured rather than asked.",
                        ),
                        "A paravenous injection leaves part of the activity in the arm and lowers all SUVs; "
                        "look at the injection site in the image. Standardised criteria exist for response "
                        "assessment, such as PERCIST, which counts a fall in SULpeak of at least 30% (and "
                        "0.8 units) as a partial metabolic response. Such thresholds only mean something "
                        "when both scans were made under comparable conditions.",
                    ),
                    key_points(
                        "Key points",
                        "Small lesions are underestimated because of the partial-volume effect.",
                        "Reconstruction settings change the SUVmax; EARL harmonises them with phantom "
                        "measurements.",
                        "EARL uses the NEMA NU 2 IEC body phantom with six spheres of 10 to 37 mm.",
                        "Keep a separate EARL-compliant reconstruction for quantification and comparison.",
                        "Protocol: at least four hours of fasting, glucose measured, 60 minutes uptake time, "
                        "weight measured on the day.",
                    ),
                ],
            },
        },
    ],
    "quiz": [
        question(
            [0],
            nl=(
                "Een patiënt van 80 kg krijgt 200 MBq FDG (gecorrigeerd voor verval naar het tijdstip van de "
                "scan). De scanner meet 10 kBq/mL in een laesie. Wat is de SUV?",
                ["4,0", "0,25", "2,5", "40"],
                "De toegediende activiteit per gram is 200.000 kBq / 80.000 g = 2,5 kBq/g; de SUV is "
                "10 / 2,5 = 4,0.",
            ),
            en=(
                "A patient of 80 kg receives 200 MBq of FDG (decay-corrected to the time of the scan). The "
                "scanner measures 10 kBq/mL in a lesion. What is the SUV?",
                ["4.0", "0.25", "2.5", "40"],
                "The administered activity per gram is 200,000 kBq / 80,000 g = 2.5 kBq/g; the SUV is "
                "10 / 2.5 = 4.0.",
            ),
        ),
        question(
            [1],
            nl=(
                "Om 8.00 uur meet u 300 MBq 18F-FDG in de dosiskalibrator. Hoeveel is er om 9.50 uur nog "
                "over?",
                ["300 MBq", "150 MBq", "75 MBq", "225 MBq"],
                "Tussen 8.00 en 9.50 uur zit 110 minuten, vrijwel precies één halveringstijd van 18F "
                "(109,8 minuten): de helft is over.",
            ),
            en=(
                "At 8:00 you measure 300 MBq of 18F-FDG in the dose calibrator. How much is left at 9:50?",
                ["300 MBq", "150 MBq", "75 MBq", "225 MBq"],
                "8:00 to 9:50 is 110 minutes, almost exactly one half-life of 18F (109.8 minutes): half is "
                "left.",
            ),
        ),
        question(
            [0, 1, 2],
            nl=(
                "Welke fouten leiden tot een te lage SUV?",
                [
                    "De restactiviteit in de spuit niet aftrekken",
                    "Een paraveneuze injectie",
                    "Een hoge bloedglucose bij een FDG-scan",
                    "Een te hoog ingevoerd lichaamsgewicht",
                ],
                "Restactiviteit die niet wordt afgetrokken, lijkt toegediend maar is het niet; bij een "
                "paraveneuze injectie blijft activiteit in de arm; glucose concurreert met FDG. Alle drie "
                "geven een te lage SUV. Het gewicht staat in de teller van de SUV: een te hoog gewicht geeft "
                "juist een te hoge SUV.",
            ),
            en=(
                "Which errors lead to an SUV that is too low?",
                [
                    "Not subtracting the residual activity in the syringe",
                    "A paravenous injection",
                    "High blood glucose in an FDG scan",
                    "Entering a body weight that is too high",
                ],
                "Residual activity that is not subtracted seems administered but is not; with a paravenous "
                "injection activity stays in the arm; glucose competes with FDG. All three give an SUV that "
                "is too low. Body weight is in the numerator of the SUV: too high a weight gives too high an "
                "SUV.",
            ),
        ),
        question(
            [2],
            nl=(
                "Waarom wordt de SUVmax van een laesie van 8 mm vaak onderschat?",
                [
                    "Door de vervalcorrectie",
                    "Door de attenuatiecorrectie met de CT",
                    "Door het partieel-volume-effect van de beperkte ruimtelijke resolutie",
                    "Door een te lange opnametijd",
                ],
                "Laesies kleiner dan ongeveer twee à drie keer de resolutie (FWHM) van de scanner worden "
                "uitgesmeerd over een groter volume; hun hoogste waarde wordt daardoor lager gemeten.",
            ),
            en=(
                "Why is the SUVmax of an 8 mm lesion often underestimated?",
                [
                    "Because of the decay correction",
                    "Because of the CT-based attenuation correction",
                    "Because of the partial-volume effect of the limited spatial resolution",
                    "Because of too long an uptake time",
                ],
                "Lesions smaller than about two to three times the scanner's resolution (FWHM) are smeared "
                "out over a larger volume, so their highest value is measured lower.",
            ),
        ),
        question(
            [0],
            nl=(
                "Wat is het doel van EARL-accreditatie?",
                [
                    "Kwantitatieve PET-uitkomsten vergelijkbaar maken tussen scanners en centra",
                    "Nucleair geneeskundigen accrediteren voor het beoordelen van PET-scans",
                    "De stralingsdosis van de CT verlagen",
                    "De dagelijkse kwaliteitscontrole van de scanner vervangen",
                ],
                "EARL harmoniseert kalibratie en beeldkwaliteit met fantoommetingen, zodat SUV's tussen "
                "scanners, centra en opeenvolgende scans vergelijkbaar zijn. De dagelijkse QC blijft nodig.",
            ),
            en=(
                "What is the purpose of EARL accreditation?",
                [
                    "Making quantitative PET results comparable between scanners and centres",
                    "Accrediting nuclear medicine physicians to read PET scans",
                    "Lowering the radiation dose of the CT",
                    "Replacing the daily quality control of the scanner",
                ],
                "EARL harmonises calibration and image quality with phantom measurements, so that SUVs are "
                "comparable between scanners, centres and successive scans. Daily QC is still needed.",
            ),
        ),
        question(
            [0, 2],
            nl=(
                "Welke uitspraken over de kruiskalibratie van een PET-scanner kloppen?",
                [
                    "Er wordt een fantoom gescand met een activiteit die in de dosiskalibrator van de "
                    "afdeling is gemeten",
                    "Ze hoeft alleen bij de installatie van de scanner te gebeuren",
                    "Een kalibratiefout verschuift de SUV's van alle patiënten op die scanner",
                    "Ze corrigeert voor het partieel-volume-effect",
                ],
                "Kruiskalibratie koppelt de scanner aan de dosiskalibrator en wordt periodiek herhaald. Een "
                "fout verschuift alle SUV's van die scanner. Het partieel-volume-effect is een kwestie van "
                "resolutie, niet van kalibratie.",
            ),
            en=(
                "Which statements about the cross-calibration of a PET scanner are true?",
                [
                    "A phantom is scanned with an activity measured in the department's dose calibrator",
                    "It only needs doing when the scanner is installed",
                    "A calibration error shifts the SUVs of all patients on that scanner",
                    "It corrects for the partial-volume effect",
                ],
                "Cross-calibration ties the scanner to the dose calibrator and is repeated periodically. An "
                "error shifts all SUVs from that scanner. The partial-volume effect is a matter of "
                "resolution, not of calibration.",
            ),
        ),
    ],
}

COURSES = [RADIATION_PROTECTION, LU_PSMA, PET_QUANTIFICATION]

LEARNER = {
    "email": "learner@example.org",
    "password": "nmep-demo-learner",
    "profile": {
        "certificate_name": "dr. A. de Vries",
        "profession": "clinical_physicist",
        "register_number": "19012345601",
    },
}


# Building the pages.


def quiz_value(spec, language, block_ids):
    """The quiz's StreamField data; ``block_ids`` keeps question ids equal across the languages."""
    return [
        {"type": "question", "id": block_id, "value": question_value(item[language], item["correct"])}
        for item, block_id in zip(spec["quiz"], block_ids, strict=True)
    ]


def question_value(text, correct):
    prompt, choices, explanation = text
    return {
        "question": prompt,
        "multiple": len(correct) > 1,
        "choices": [{"text": choice, "correct": i in correct} for i, choice in enumerate(choices)],
        "explanation": explanation,
    }


def course_fields(spec, language, block_ids):
    return {**spec["fields"], **spec[language], "quiz": quiz_value(spec, language, block_ids)}


def set_relations(course, spec, language):
    # Page relations (modelcluster) are kept on the page and saved with it and its revisions.
    course.audience = [CourseAudience(profession=profession) for profession in spec["audience"]]
    course.signatories = [CourseSignatory(name=name, title=titles[language]) for name, titles in SIGNATORIES]
    course.competencies = list(Competency.objects.filter(code__in=spec["competencies"]))


def assign(page, fields):
    for name, value in fields.items():
        setattr(page, name, value)


def find_child(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def create_course(catalogue, spec):
    course = CoursePage(**course_fields(spec, "nl", [str(uuid.uuid4()) for _ in spec["quiz"]]))
    set_relations(course, spec, "nl")
    return publish_child(catalogue, course)


def ensure_catalogue(home):
    """The catalogue under the home page, and whether it is new; a home page holds only one."""
    catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue is not None:
        return catalogue, False
    return publish_child(home, CourseIndexPage(**CATALOGUE["nl"], show_in_menus=True)), True


def ensure_course(catalogue, spec):
    """The Dutch course with its lessons; returns it, whether it is new, and how many lessons are new."""
    course = find_child(catalogue, spec["nl"]["slug"])
    created = course is None
    if created:
        course = create_course(catalogue, spec)
    new_lessons = 0
    for lesson in spec["lessons"]:
        if find_child(course, lesson["nl"]["slug"]) is None:
            publish_child(course, LessonPage(**lesson["nl"]))
            new_lessons += 1
    return CoursePage.objects.get(pk=course.pk), created, new_lessons


# Translating them.


def translate(page, locale, fields, spec=None):
    """Publish an English copy of ``page`` (its parent is translated already) with ``fields`` set."""
    translation = page.copy_for_translation(locale)
    assign(translation, fields)
    if spec is not None:
        set_relations(translation, spec, locale.language_code)
    translation.save_revision().publish()
    return translation


def translate_course(course, spec, locale):
    """Translate the course and its lessons where missing; returns (course is new, lessons new)."""
    created = course.get_translation_or_none(locale) is None
    if created:
        question_ids = [block.id for block in course.quiz]
        translate(course, locale, course_fields(spec, "en", question_ids), spec)
    new_lessons = 0
    for lesson in spec["lessons"]:
        dutch = find_child(course, lesson["nl"]["slug"])
        if dutch.get_translation_or_none(locale) is None:
            translate(dutch, locale, lesson["en"])
            new_lessons += 1
    return created, new_lessons


# The demo learner.


def ensure_learner():
    email = LEARNER["email"]
    user, created = get_user_model().objects.get_or_create(username=email, defaults={"email": email})
    if created:
        user.set_password(LEARNER["password"])
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"primary": True, "verified": True})
    LearnerProfile.objects.get_or_create(user=user, defaults=LEARNER["profile"])
    return user, created


def right_answers(course):
    return {
        question_id: [i for i, choice in enumerate(value["choices"]) if choice["correct"]]
        for question_id, value in course.question_blocks().items()
    }


def complete_course(user, course):
    """Enrol, do every lesson, pass the quiz and receive the certificate; None if enrolled already."""
    if Enrolment.objects.filter(user=user, course_key=course.translation_key).exists():
        return None
    enrolment = Enrolment.objects.create(user=user, course=course, course_key=course.translation_key)
    for lesson in course.lessons():
        enrolment.complete_lesson(lesson)
    QuizAttempt.start(enrolment).submit(right_answers(course))
    return enrolment.complete()


def start_course(user, course, lessons_done):
    """Enrol and do the first lessons; False if enrolled already."""
    if Enrolment.objects.filter(user=user, course_key=course.translation_key).exists():
        return False
    enrolment = Enrolment.objects.create(user=user, course=course, course_key=course.translation_key)
    for lesson in course.lessons()[:lessons_done]:
        enrolment.complete_lesson(lesson)
    return True


class Command(BaseCommand):
    """Loads the course catalogue with three courses in Dutch and English, and with DEBUG a demo learner."""

    help = (
        "Load the demo courses of the learning platform (Dutch, and English once the home page is "
        "translated) and, with DEBUG on, a demo learner. Safe to run again: only what is missing is added."
    )

    def handle(self, *args, **options):
        call_command("load_competency_framework", stdout=self.stdout)
        with transaction.atomic():
            home = dutch_home()
            catalogue, created = ensure_catalogue(home)
            self.counted("Course catalogue (nl)", created, 1)
            courses = self.dutch_courses(catalogue)
            self.english(home, catalogue, courses)
            self.learner(courses)
        self.stdout.write(self.style.SUCCESS("Demo courses loaded."))

    def counted(self, label, created, total):
        self.stdout.write(f"{label}: {int(created)} created, {total - created} already there")

    def dutch_courses(self, catalogue):
        courses, new_courses, new_lessons = {}, 0, 0
        for spec in COURSES:
            course, created, lessons = ensure_course(catalogue, spec)
            courses[spec["key"]] = course
            new_courses += created
            new_lessons += lessons
        self.counted("Courses (nl)", new_courses, len(COURSES))
        self.counted("Lessons (nl)", new_lessons, sum(len(spec["lessons"]) for spec in COURSES))
        return courses

    def english(self, home, catalogue, courses):
        locale = Locale.objects.filter(language_code="en").first()
        if locale is None or home.get_translation_or_none(locale) is None:
            self.stdout.write("Courses (en): skipped, the home page has no English translation yet")
            return
        created = catalogue.get_translation_or_none(locale) is None
        if created:
            translate(catalogue, locale, CATALOGUE["en"])
        self.counted("Course catalogue (en)", created, 1)
        new_courses, new_lessons = 0, 0
        for spec in COURSES:
            course_created, lessons = translate_course(courses[spec["key"]], spec, locale)
            new_courses += course_created
            new_lessons += lessons
        self.counted("Courses (en)", new_courses, len(COURSES))
        self.counted("Lessons (en)", new_lessons, sum(len(spec["lessons"]) for spec in COURSES))

    def learner(self, courses):
        if not settings.DEBUG:
            self.stdout.write("Demo learner: skipped (DEBUG is off)")
            return
        user, created = ensure_learner()
        self.counted("Demo learner", created, 1)
        staff = ensure_account("courses", "nmep-demo-courses", "Course administrators")
        self.counted("Demo course administrator", staff, 1)
        certificate = complete_course(user, courses[RADIATION_PROTECTION["key"]])
        started = start_course(user, courses[LU_PSMA["key"]], lessons_done=1)
        self.counted("Demo enrolments", (certificate is not None) + started, 2)
        if certificate is not None:
            self.stdout.write(f"Certificate: issued, verification code {certificate.verification_code}")


def dutch_home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CommandError("There is no default site; run the migrations first.")
    return site.root_page.specific
