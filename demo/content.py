"""The demo's words: the consortium of u_can-consortium.md and the City of Dresden page.

Only the City of Dresden text is the real page's, word for word; the other descriptions are
short neutral summaries, and all team members except Regine Kramer are invented.
"""

SITE_CONTENT = {
    "project_name": "U_CAN",
    "tagline": "Ukraine Towards Carbon Neutrality",
    "coordinator_organisation": "Technische Universität Dresden",
    "coordinator_unit": "WISSENSARCHITEKTUR – Laboratory of Knowledge Architecture",
    "coordinator_address": "Technische Universität Dresden\n01062 Dresden\nGermany",
    "coordinator_email": "u-can@tu-dresden.de",
    "newsletter_title": "Subscribe to our newsletter",
    "newsletter_text": (
        "to be updated about the project results, events, and useful announcements in the "
        "area of carbon neutrality of cities in Ukraine and the European Union"
    ),
    "funding_image_alt": 'Banner of EU Missions "Climate-neutral smart cities"',
    "funding_text": (
        "U_CAN is funded by the European Union's Horizon Europe research and innovation "
        "programme under the EU Mission “100 Climate-Neutral and Smart Cities by 2030”. "
        "Views and opinions expressed are however those of the author(s) only and do not "
        "necessarily reflect those of the European Union or the European Commission. Neither "
        "the European Union nor the granting authority can be held responsible for them."
    ),
}

PROJECT_SOCIAL_LINKS = [
    ("facebook", "https://www.facebook.com/ucanproject"),
    ("linkedin", "https://www.linkedin.com/company/u-can-project/"),
]

HOME = {
    "title": "U_CAN — Ukraine Towards Carbon Neutrality",
    "introduction": (
        "<p>U_CAN helps Ukrainian cities align their climate strategies with the European "
        "Green Deal by pairing them with EU Mission Cities. The Horizon Europe project runs "
        "from 1 May 2024 to 30 April 2028.</p>"
    ),
}

PARTNER_INDEX = {
    "title": "Partners",
    "introduction": (
        "<p>Cities, universities, research institutes and civil-society organisations from "
        "Germany, Slovakia, Poland, Denmark, Italy and Ukraine work together in U_CAN.</p>"
    ),
}

DRESDEN_BRIEF_DESCRIPTION = (
    "Dresden, with over half a million inhabitants, is one of the largest cities in the east "
    "of the Federal Republic of Germany and, thanks to its centrality and vicinity to the "
    "Czech Republic and Poland, it is a gateway to eastern Europe. Dresden is a city of "
    "knowledge and skills. Almost half of all workers have scientific and technological "
    "careers or have studied a subject in that field. The people of Dresden have a "
    "deep-rooted tradition of engineering and openness towards new technologies. The "
    "interdisciplinary collaboration between businesses and research facilities helps move "
    "Dresden forward. The city council of Dresden approved in 2016 the “Zukunft2025+” IDUC, "
    "an integrated development urban concept. It paved the way for a Smart City by taking up "
    "the concept for the first time. The Smart City strategy of Dresden found its place in "
    "the guiding strategic planning documents approved by the city council and discussed "
    "with citizens in the course of the planning process. In 2022 the City of Dresden joined "
    'the EU cities mission "100climate neutral and smart cities by 2030" in order to '
    "accelerate its ambition towards a net zero city."
)
DRESDEN_ROLE_IN_PROJECT = (
    "In the U_CAN project the City of Dresden acts as a facilitator city between the EU "
    "cities mission, the NetZeroCities platform and the U_CAN partnership. In particular it "
    "helps to foster exchange of experiences and knowledge, focusing on cooperation with the "
    "city of Khmelnytskyi."
)


def partner(slug, title, short_name, country, city, organisation_type, **extra):
    return {
        "slug": slug,
        "title": title,
        "short_name": short_name,
        "country": country,
        "city": city,
        "organisation_type": organisation_type,
        "consortium_role": extra.pop("consortium_role", "partner"),
        "website": extra.pop("website", ""),
        "brief_description": extra.pop("brief_description"),
        "role_in_project": extra.pop("role_in_project"),
        "social_links": extra.pop("social_links", []),
        "team": extra.pop("team", []),
    }


def member(name, position, email="", public=False, profile_url="", contact=False, bio=""):
    return {
        "name": name,
        "position": position,
        "email": email,
        "email_is_public": public,
        "profile_url": profile_url,
        "is_contact_person": contact,
        "bio": bio,
    }


def paragraph(text):
    return f"<p>{text}</p>"


PARTNERS = [
    partner(
        "technische-universitat-dresden",
        "Technische Universität Dresden",
        "TUD",
        "DE",
        "Dresden",
        "university",
        consortium_role="coordinator",
        website="https://tu-dresden.de/",
        brief_description=paragraph(
            "Technische Universität Dresden is one of Germany's eleven Universities of "
            "Excellence, with a broad range of disciplines from engineering to the humanities."
        ),
        role_in_project=paragraph(
            "TU Dresden coordinates U_CAN through WISSENSARCHITEKTUR – Laboratory of Knowledge "
            "Architecture, and leads the project's management and knowledge exchange."
        ),
        team=[
            member(
                "Anna Lehmann",
                "Project coordinator",
                email="anna.lehmann@example.org",
                public=True,
                contact=True,
                bio="Architect and urban researcher coordinating the U_CAN consortium.",
            ),
            member("Jonas Richter", "Research associate, urban data"),
            member(
                "Mariia Koval",
                "Research associate, city partnerships",
                profile_url="https://www.linkedin.com/in/example-mariia-koval",
            ),
        ],
    ),
    partner(
        "city-of-dresden",
        "City of Dresden - Landeshauptstadt Dresden (LHD)",
        "LHD",
        "DE",
        "Dresden",
        "city",
        consortium_role="facilitator_city",
        website="https://www.dresden.de/",
        brief_description=paragraph(DRESDEN_BRIEF_DESCRIPTION),
        role_in_project=paragraph(DRESDEN_ROLE_IN_PROJECT),
        social_links=[
            ("linkedin", "https://www.linkedin.com/company/landeshauptstadt-dresden/"),
            ("facebook", "https://www.facebook.com/stadt.dresden"),
        ],
        team=[
            member(
                "Regine Kramer",
                "City Mission facilitator, coordinator of city engagement in EU projects",
                contact=True,
            )
        ],
    ),
    partner(
        "european-citizen-science-association",
        "European Citizen Science Association",
        "ECSA",
        "DE",
        "Berlin",
        "association",
        website="https://www.ecsa.ngo/",
        brief_description=paragraph(
            "The European Citizen Science Association is a network that connects citizen "
            "science initiatives, researchers and practitioners across Europe."
        ),
        role_in_project=paragraph(
            "ECSA brings citizen-science methods into U_CAN so that residents can take part "
            "in measuring and shaping their cities' path to climate neutrality."
        ),
        team=[
            member("Lea Hoffmann", "Citizen science officer", email="lea.hoffmann@example.org"),
            member(
                "Tomás Novak",
                "Community manager",
                email="tomas.novak@example.org",
                public=True,
                contact=True,
            ),
        ],
    ),
    partner(
        "german-institute-for-standardisation",
        "German Institute for Standardisation (DIN)",
        "DIN",
        "DE",
        "Berlin",
        "standardisation_body",
        website="https://www.din.de/",
        brief_description=paragraph(
            "DIN is Germany's national standards body and represents German interests in "
            "European and international standardisation."
        ),
        role_in_project=paragraph(
            "DIN connects the project's results with standardisation, so that approaches "
            "developed with the cities can be reused elsewhere."
        ),
        team=[
            member(
                "Katrin Vogel",
                "Project manager, standardisation and innovation",
                contact=True,
                profile_url="https://www.linkedin.com/in/example-katrin-vogel",
            ),
            member("Stefan Braun", "Standardisation expert"),
        ],
    ),
    partner(
        "research-center-of-the-slovak-foreign-policy-association",
        "Research Center of the Slovak Foreign Policy Association",
        "SFPA",
        "SK",
        "Bratislava",
        "research_institute",
        website="https://www.sfpa.sk/",
        brief_description=paragraph(
            "The Research Center of the Slovak Foreign Policy Association is an independent "
            "think tank working on foreign policy and on Central and Eastern Europe."
        ),
        role_in_project=paragraph(
            "SFPA contributes policy analysis on Ukraine's reconstruction and its alignment "
            "with European climate policy."
        ),
        team=[
            member(
                "Zuzana Horváthová",
                "Senior research fellow",
                contact=True,
                email="zuzana.horvathova@example.org",
                public=True,
            ),
            member("Martin Kováč", "Research fellow"),
        ],
    ),
    partner(
        "technology-partners-foundation",
        "Technology Partners Foundation",
        "TPF",
        "PL",
        "Warsaw",
        "foundation",
        brief_description=paragraph(
            "Technology Partners Foundation is a Polish non-profit organisation that supports "
            "research and innovation projects and their use in practice."
        ),
        role_in_project=paragraph(
            "Technology Partners supports the project's innovation management and the "
            "transfer of results to cities."
        ),
        team=[
            member("Agnieszka Wiśniewska", "Innovation manager", contact=True),
            member("Piotr Zieliński", "Project officer", email="piotr.zielinski@example.org"),
        ],
    ),
    partner(
        "wroclaw-university-of-science-and-technology",
        "Wrocław University of Science and Technology",
        "PWr",
        "PL",
        "Wrocław",
        "university",
        website="https://pwr.edu.pl/",
        brief_description=paragraph(
            "Wrocław University of Science and Technology is one of Poland's leading "
            "technical universities."
        ),
        role_in_project=paragraph(
            "PWr contributes expertise in energy systems and sustainable urban development."
        ),
    ),
    partner(
        "aarhus-university",
        "Aarhus University",
        "AU",
        "DK",
        "Aarhus",
        "university",
        website="https://www.au.dk/",
        brief_description=paragraph(
            "Aarhus University is a research-intensive university in Denmark with strong "
            "programmes in engineering, environmental science and social science."
        ),
        role_in_project=paragraph(
            "Aarhus University contributes research on climate-neutral cities and on the "
            "participation of citizens in the energy transition."
        ),
    ),
    partner(
        "university-of-laquila",
        "University of L'Aquila",
        "UNIVAQ",
        "IT",
        "L'Aquila",
        "university",
        website="https://www.univaq.it/",
        brief_description=paragraph(
            "The University of L'Aquila is a public university in central Italy with "
            "experience in post-disaster reconstruction and resilient urban planning."
        ),
        role_in_project=paragraph(
            "UNIVAQ shares lessons from the reconstruction of L'Aquila with Ukrainian cities "
            "planning their own recovery."
        ),
        team=[
            member(
                "Giulia Marchetti",
                "Associate professor of urban planning",
                contact=True,
                profile_url="https://www.univaq.it/",
            ),
        ],
    ),
    partner(
        "ngo-bureau-of-research-innovations-and-technologies",
        "NGO Bureau of Research, Innovations and Technologies",
        "BRIT",
        "UA",
        "",
        "ngo",
        brief_description=paragraph(
            "The Bureau of Research, Innovations and Technologies is a Ukrainian "
            "non-governmental organisation that supports research and innovation."
        ),
        role_in_project=paragraph(
            "BRIT supports the Ukrainian partners in the project's research and innovation "
            "activities."
        ),
    ),
    partner(
        "beketov-kharkiv-national-university-of-urban-economy",
        "O. M. Beketov Kharkiv National University of Urban Economy",
        "KhNUUE",
        "UA",
        "Kharkiv",
        "university",
        website="https://www.kname.edu.ua/",
        brief_description=paragraph(
            "The O. M. Beketov Kharkiv National University of Urban Economy educates "
            "specialists in urban management, construction and municipal services."
        ),
        role_in_project=paragraph(
            "The university contributes expertise in urban economy and energy efficiency of "
            "municipal infrastructure."
        ),
        team=[
            member(
                "Olena Shevchenko",
                "Associate professor, urban economy",
                contact=True,
                email="olena.shevchenko@example.org",
                public=True,
            ),
            member("Dmytro Bondarenko", "Researcher, energy efficiency"),
        ],
    ),
    partner(
        "igor-sikorsky-kyiv-polytechnic-institute",
        'National Technical University of Ukraine "Igor Sikorsky Kyiv Polytechnic Institute"',
        "KPI",
        "UA",
        "Kyiv",
        "university",
        website="https://kpi.ua/",
        brief_description=paragraph(
            "Igor Sikorsky Kyiv Polytechnic Institute is one of the largest technical "
            "universities in Ukraine."
        ),
        role_in_project=paragraph(
            "KPI contributes research on energy systems and decarbonisation of Ukrainian cities."
        ),
    ),
    partner(
        "all-ukrainian-association-club-of-mayors",
        'All-Ukrainian association "Club of Mayors"',
        "Club of Mayors",
        "UA",
        "Kyiv",
        "association",
        brief_description=paragraph(
            "The Club of Mayors is an all-Ukrainian association of heads of local government."
        ),
        role_in_project=paragraph(
            "The Club of Mayors connects the project with Ukrainian municipalities beyond the "
            "core group of cities."
        ),
    ),
    partner(
        "city-institute-lviv",
        'Municipal institution "City Institute" (Lviv)',
        "City Institute",
        "UA",
        "Lviv",
        "municipal_institution",
        brief_description=paragraph(
            "The City Institute is a municipal institution of the City of Lviv that works on "
            "strategic planning and urban development."
        ),
        role_in_project=paragraph(
            "The City Institute brings Lviv's planning practice into the project and works on "
            "the city's climate strategy."
        ),
        team=[
            member("Iryna Melnyk", "Head of strategic planning", contact=True),
            member("Andrii Tkachenko", "Urban analyst", email="andrii.tkachenko@example.org"),
        ],
    ),
    partner(
        "city-development-agency-zhytomyr",
        'Municipal institution "City Development Agency" of the Zhytomyr City Council',
        "CDA Zhytomyr",
        "UA",
        "Zhytomyr",
        "municipal_institution",
        brief_description=paragraph(
            "The City Development Agency is a municipal institution of the Zhytomyr City "
            "Council that prepares and runs the city's development projects."
        ),
        role_in_project=paragraph(
            "The agency represents Zhytomyr in the project and leads its local climate actions."
        ),
    ),
    partner(
        "khmelnytskyi-national-university",
        "Khmelnytskyi National University",
        "KhNU",
        "UA",
        "Khmelnytskyi",
        "university",
        website="https://khmnu.edu.ua/",
        brief_description=paragraph(
            "Khmelnytskyi National University is a multidisciplinary university in western Ukraine."
        ),
        role_in_project=paragraph(
            "The university works with the City of Khmelnytskyi and with the City of Dresden "
            "on the city's path to climate neutrality."
        ),
        team=[
            member(
                "Oksana Kravchenko",
                "Vice-rector for research",
                contact=True,
                email="oksana.kravchenko@example.org",
                public=True,
            ),
            member("Serhii Lysenko", "Associate professor, energy management"),
        ],
    ),
    partner(
        "yuzkov-khmelnytskyi-university-of-management-and-law",
        "Leonid Yuzkov Khmelnytskyi University of Management and Law",
        "KUML",
        "UA",
        "Khmelnytskyi",
        "university",
        brief_description=paragraph(
            "The Leonid Yuzkov Khmelnytskyi University of Management and Law is a municipal "
            "university specialising in public administration and law."
        ),
        role_in_project=paragraph(
            "The university contributes expertise in public administration and local governance."
        ),
    ),
    partner(
        "institute-of-urban-development",
        'Municipal enterprise "Institute of Urban Development"',
        "IUD",
        "UA",
        "",
        "municipal_institution",
        brief_description=paragraph(
            "The Institute of Urban Development is a municipal enterprise working on urban "
            "planning and development."
        ),
        role_in_project=paragraph(
            "The institute contributes urban planning expertise to the project's city roadmaps."
        ),
    ),
    partner(
        "regional-center-of-sustainable-development",
        'Public organisation "Regional Center of Sustainable Development"',
        "RCSD",
        "UA",
        "",
        "ngo",
        brief_description=paragraph(
            "The Regional Center of Sustainable Development is a Ukrainian public "
            "organisation that promotes sustainable development in the regions."
        ),
        role_in_project=paragraph(
            "The centre supports the involvement of civil society and regional stakeholders."
        ),
    ),
]

# Pairs of partner slugs that cooperate; each pair is linked in both directions.
COOPERATIONS = [("city-of-dresden", "khmelnytskyi-national-university")]
