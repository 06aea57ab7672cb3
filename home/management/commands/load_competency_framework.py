"""The competency framework of the field: eight domains, forty competencies, in Dutch and English."""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.models import Competency, CompetencyDomain

# (code, Dutch name, English name, Dutch description, English description, competencies)
# competencies: (code, Dutch name, English name, Dutch description, English description)
FRAMEWORK = [
    (
        "radiochemistry",
        "Radiochemie en radiofarmacie",
        "Radiochemistry and radiopharmacy",
        "Van radionuclide tot radiofarmacon dat veilig aan de patiënt kan worden toegediend.",
        "From radionuclide to a radiopharmaceutical that can safely be given to a patient.",
        [
            (
                "radiolabelling",
                "Radiolabelen",
                "Radiolabelling",
                "Moleculen labelen met diagnostische en therapeutische radionucliden.",
                "Labelling molecules with diagnostic and therapeutic radionuclides.",
            ),
            (
                "radionuclide-production",
                "Productie van radionucliden",
                "Radionuclide production",
                "Reactor- en cyclotronproductie, generatoren en de keten tot het ziekenhuis.",
                "Reactor and cyclotron production, generators and the supply chain to the hospital.",
            ),
            (
                "radiopharmaceutical-qc",
                "Kwaliteitscontrole van radiofarmaca",
                "Quality control of radiopharmaceuticals",
                "Radiochemische zuiverheid, steriliteit en vrijgifte van een bereiding.",
                "Radiochemical purity, sterility and release of a preparation.",
            ),
            (
                "hotlab-practice",
                "Werken in het hotlab",
                "Hot-lab practice",
                "Aseptisch werken met open radioactieve bronnen in een afgeschermde omgeving.",
                "Aseptic work with unsealed sources in a shielded environment.",
            ),
            (
                "radiopharmaceutical-development",
                "Ontwikkeling van radiofarmaca",
                "Radiopharmaceutical development",
                "Van target en ligand tot preklinisch en klinisch onderzoek.",
                "From target and ligand to preclinical and clinical research.",
            ),
        ],
    ),
    (
        "physics-imaging",
        "Fysica, instrumentatie en beeldvorming",
        "Physics, instrumentation and imaging",
        "De techniek achter de nucleaire scan, van detector tot beeld.",
        "The technology behind the nuclear scan, from detector to image.",
        [
            (
                "pet-ct-physics",
                "Fysica van PET/CT",
                "PET/CT physics",
                "Annihilatie, coïncidentiedetectie, tijd-van-vlucht en attenuatiecorrectie.",
                "Annihilation, coincidence detection, time of flight and attenuation correction.",
            ),
            (
                "spect-physics",
                "Fysica van SPECT/CT",
                "SPECT/CT physics",
                "Gammacamera's, collimatoren en tomografische reconstructie.",
                "Gamma cameras, collimators and tomographic reconstruction.",
            ),
            (
                "image-reconstruction",
                "Beeldreconstructie",
                "Image reconstruction",
                "Iteratieve reconstructie en de invloed van parameters op het beeld.",
                "Iterative reconstruction and how its parameters shape the image.",
            ),
            (
                "instrument-qa",
                "Kwaliteitsborging van apparatuur",
                "Quality assurance of equipment",
                "Acceptatietests, dagelijkse controles en kalibratie van scanners en dosiskalibratoren.",
                "Acceptance tests, daily checks and calibration of scanners and dose calibrators.",
            ),
            (
                "hybrid-imaging",
                "Hybride beeldvorming",
                "Hybrid imaging",
                "Combineren van PET en SPECT met CT en MRI.",
                "Combining PET and SPECT with CT and MRI.",
            ),
        ],
    ),
    (
        "dosimetry-protection",
        "Dosimetrie en stralingsbescherming",
        "Dosimetry and radiation protection",
        "Veilig werken met straling, voor patiënt, personeel en omgeving.",
        "Working safely with radiation, for patients, staff and the environment.",
        [
            (
                "patient-dosimetry",
                "Patiëntdosimetrie",
                "Patient dosimetry",
                "Geabsorbeerde dosis in tumoren en organen berekenen, ook na therapie.",
                "Calculating absorbed dose to tumours and organs, including after therapy.",
            ),
            (
                "radiation-protection",
                "Stralingsbescherming",
                "Radiation protection",
                "Rechtvaardiging, optimalisatie en dosislimieten in de praktijk.",
                "Justification, optimisation and dose limits in practice.",
            ),
            (
                "waste-management",
                "Radioactief afval",
                "Radioactive waste management",
                "Opslag, verval en afvoer van radioactief afval en excreta.",
                "Storage, decay and disposal of radioactive waste and excreta.",
            ),
            (
                "incident-response",
                "Incidenten en besmettingen",
                "Incidents and contamination",
                "Handelen bij morsingen, besmetting en verkeerde toediening.",
                "Acting on spills, contamination and misadministration.",
            ),
            (
                "occupational-monitoring",
                "Persoonsdosimetrie",
                "Occupational monitoring",
                "Bewaking van de dosis van medewerkers en ALARA in het werk.",
                "Monitoring staff dose and applying ALARA at work.",
            ),
        ],
    ),
    (
        "diagnostics",
        "Diagnostische nucleaire geneeskunde",
        "Diagnostic nuclear medicine",
        "Indicatie, uitvoering en interpretatie van nucleair-geneeskundig onderzoek.",
        "Indication, performance and interpretation of nuclear medicine examinations.",
        [
            (
                "oncologic-pet",
                "Oncologische PET",
                "Oncological PET",
                "FDG- en PSMA-PET voor stadiëring en responsevaluatie.",
                "FDG and PSMA PET for staging and response assessment.",
            ),
            (
                "cardiac-imaging",
                "Cardiale beeldvorming",
                "Cardiac imaging",
                "Perfusie- en viabiliteitsonderzoek van het hart.",
                "Myocardial perfusion and viability imaging.",
            ),
            (
                "neuro-imaging",
                "Neurologische beeldvorming",
                "Neuroimaging",
                "Onderzoek bij dementie, bewegingsstoornissen en epilepsie.",
                "Imaging in dementia, movement disorders and epilepsy.",
            ),
            (
                "infection-imaging",
                "Infectie en ontsteking",
                "Infection and inflammation",
                "Beeldvorming van infecties en ontstekingsziekten.",
                "Imaging infection and inflammatory disease.",
            ),
            (
                "reporting",
                "Verslaglegging",
                "Reporting",
                "Gestructureerde verslagen die de verwijzer verder helpen.",
                "Structured reports that help the referring physician.",
            ),
        ],
    ),
    (
        "therapy",
        "Radionuclidetherapie",
        "Radionuclide therapy",
        "Behandelen met radioactieve geneesmiddelen, van selectie tot nazorg.",
        "Treating with radioactive medicines, from selection to follow-up.",
        [
            (
                "patient-selection",
                "Patiëntselectie",
                "Patient selection",
                "Geschikte patiënten kiezen op basis van beeldvorming en kliniek.",
                "Choosing suitable patients from imaging and clinical findings.",
            ),
            (
                "lu-psma-therapy",
                "[177Lu]Lu-PSMA-therapie",
                "[177Lu]Lu-PSMA therapy",
                "Behandeling van gemetastaseerd prostaatcarcinoom, van hotlab tot patiënt.",
                "Treating metastatic prostate cancer, from hot lab to patient.",
            ),
            (
                "prrt",
                "Peptide-receptor-radionuclidetherapie",
                "Peptide receptor radionuclide therapy",
                "PRRT bij neuro-endocriene tumoren.",
                "PRRT for neuroendocrine tumours.",
            ),
            (
                "theranostics",
                "Theranostiek",
                "Theranostics",
                "Diagnostiek en therapie met hetzelfde target combineren.",
                "Combining diagnosis and therapy on the same target.",
            ),
            (
                "therapy-aftercare",
                "Nazorg en toxiciteit",
                "Aftercare and toxicity",
                "Bijwerkingen herkennen en behandelen, en ontslagregels.",
                "Recognising and managing side effects, and discharge rules.",
            ),
        ],
    ),
    (
        "regulation-quality",
        "Regelgeving, kwaliteit en GMP",
        "Regulation, quality and GMP",
        "De regels en kwaliteitssystemen waarbinnen het vak werkt.",
        "The rules and quality systems the profession works within.",
        [
            (
                "gmp",
                "Good Manufacturing Practice",
                "Good Manufacturing Practice",
                "GMP voor de bereiding van radiofarmaca in ziekenhuis en industrie.",
                "GMP for preparing radiopharmaceuticals in hospitals and industry.",
            ),
            (
                "radiation-legislation",
                "Stralingswetgeving",
                "Radiation legislation",
                "Bbs, vergunningen en de rol van de stralingsdeskundige.",
                "Radiation protection decree, licences and the radiation expert's role.",
            ),
            (
                "clinical-trial-regulation",
                "Regelgeving voor klinisch onderzoek",
                "Clinical trial regulation",
                "CTR, METC-toetsing en onderzoek met radiofarmaca.",
                "The Clinical Trials Regulation, ethics review and trials with radiopharmaceuticals.",
            ),
            (
                "reimbursement",
                "Vergoeding en HTA",
                "Reimbursement and HTA",
                "Toelating en vergoeding van nieuwe nucleaire behandelingen.",
                "Market access and reimbursement of new nuclear treatments.",
            ),
            (
                "quality-systems",
                "Kwaliteitssystemen",
                "Quality systems",
                "Accreditatie, audits en continue verbetering.",
                "Accreditation, audits and continuous improvement.",
            ),
        ],
    ),
    (
        "data-ai",
        "Data, AI en kwantificering",
        "Data, AI and quantification",
        "Meten in beelden en leren van data.",
        "Measuring in images and learning from data.",
        [
            (
                "quantification",
                "Kwantificering",
                "Quantification",
                "SUV, kinetische modellen en harmonisatie tussen centra.",
                "SUV, kinetic modelling and harmonisation between centres.",
            ),
            (
                "ai-imaging",
                "AI in beeldvorming",
                "AI in imaging",
                "Toepassing en validatie van AI-algoritmen in de kliniek.",
                "Using and validating AI algorithms in the clinic.",
            ),
            (
                "real-world-data",
                "Real-world data",
                "Real-world data",
                "Registers en uitkomsten als input voor innovatie.",
                "Registries and outcomes as input for innovation.",
            ),
            (
                "data-management",
                "Databeheer en privacy",
                "Data management and privacy",
                "FAIR data, AVG en veilig delen van beelden.",
                "FAIR data, GDPR and sharing images safely.",
            ),
            (
                "statistics",
                "Statistiek en onderzoeksmethoden",
                "Statistics and research methods",
                "Studieontwerp en het lezen van de literatuur.",
                "Study design and reading the literature.",
            ),
        ],
    ),
    (
        "collaboration",
        "Samenwerking en communicatie",
        "Collaboration and communication",
        "Samenwerken in de keten en met de patiënt.",
        "Working together across the chain and with the patient.",
        [
            (
                "patient-communication",
                "Communicatie met patiënten",
                "Communicating with patients",
                "Uitleg over onderzoek, behandeling en stralingsrisico's.",
                "Explaining examinations, treatment and radiation risks.",
            ),
            (
                "multidisciplinary-care",
                "Multidisciplinaire zorg",
                "Multidisciplinary care",
                "Samenwerken in tumorwerkgroepen en met verwijzers.",
                "Working in tumour boards and with referrers.",
            ),
            (
                "chain-collaboration",
                "Samenwerking in de keten",
                "Collaboration across the chain",
                "Afstemming tussen producenten, apotheek, afdeling en industrie.",
                "Coordinating producers, pharmacy, department and industry.",
            ),
            (
                "teaching",
                "Opleiden en begeleiden",
                "Teaching and supervision",
                "Kennis overdragen aan collega's, aios en studenten.",
                "Passing knowledge on to colleagues, residents and students.",
            ),
            (
                "leadership",
                "Leiderschap en innovatie",
                "Leadership and innovation",
                "Veranderingen in het vak leiden en innovaties invoeren.",
                "Leading change in the profession and introducing innovations.",
            ),
        ],
    ),
]


def load():
    """Add what is missing; returns (domains created, competencies created)."""
    domains = competencies = 0
    for position, (code, name_nl, name_en, text_nl, text_en, items) in enumerate(FRAMEWORK):
        domain, created = CompetencyDomain.objects.get_or_create(
            code=code,
            defaults={
                "name_nl": name_nl,
                "name_en": name_en,
                "description_nl": text_nl,
                "description_en": text_en,
                "sort_order": position,
            },
        )
        domains += created
        competencies += load_competencies(domain, items)
    return domains, competencies


def load_competencies(domain, items):
    created = 0
    for position, (code, name_nl, name_en, text_nl, text_en) in enumerate(items):
        created += Competency.objects.get_or_create(
            code=code,
            defaults={
                "domain": domain,
                "name_nl": name_nl,
                "name_en": name_en,
                "description_nl": text_nl,
                "description_en": text_en,
                "sort_order": position,
            },
        )[1]
    return created


class Command(BaseCommand):
    """Loads the competency framework that surveys, courses and certificates share."""

    help = "Load the competency framework (8 domains, 40 competencies). Only what is missing is added."

    def handle(self, *args, **options):
        with transaction.atomic():
            domains, competencies = load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Competency framework: {domains} domains and {competencies} competencies added."
            )
        )
