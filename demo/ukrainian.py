"""Ukrainian versions of the demo's texts, keyed by the English source string.

The demo loader translates through wagtail-localize, segment by segment, so these are exactly
the strings a translator would fill in. Slugs stay as in English so that paths differ only in
their language prefix (/en/partners/x/ ↔ /uk/partners/x/).
"""

from . import content

# Pages translated into Ukrainian by the demo (slugs). Others stay untranslated ("missing").
TRANSLATED_PARTNERS = [
    "technische-universitat-dresden",
    "city-of-dresden",
    "european-citizen-science-association",
    "beketov-kharkiv-national-university-of-urban-economy",
    "city-institute-lviv",
    "khmelnytskyi-national-university",
]
# Changed in English after its translation, so the overview shows it "out of date".
OUT_OF_DATE_PARTNER = "technische-universitat-dresden"
OUT_OF_DATE_CHANGE = {
    "role_in_project": (
        "<p>TU Dresden coordinates U_CAN through WISSENSARCHITEKTUR – Laboratory of Knowledge "
        "Architecture, and leads the project's management, knowledge exchange and the "
        "pairing of Ukrainian cities with EU Mission Cities.</p>"
    )
}

STRINGS = {
    # Short names: acronyms stay, except where Ukrainian has its own.
    "LHD": "LHD",
    "TUD": "TUD",
    "ECSA": "ECSA",
    "KhNUUE": "ХНУМГ",
    "KhNU": "ХНУ",
    # Home and partner index
    content.HOME["title"]: "U_CAN — Україна на шляху до вуглецевої нейтральності",
    (
        "U_CAN helps Ukrainian cities align their climate strategies with the European Green "
        "Deal by pairing them with EU Mission Cities. The Horizon Europe project runs from "
        "1 May 2024 to 30 April 2028."
    ): (
        "U_CAN допомагає українським містам узгодити свої кліматичні стратегії з Європейським "
        "зеленим курсом, поєднуючи їх у пари з містами Місії ЄС. Проєкт програми «Горизонт "
        "Європа» триває з 1 травня 2024 року до 30 квітня 2028 року."
    ),
    "Partners": "Партнери",
    (
        "Cities, universities, research institutes and civil-society organisations from "
        "Germany, Slovakia, Poland, Denmark, Italy and Ukraine work together in U_CAN."
    ): (
        "У U_CAN разом працюють міста, університети, дослідницькі інститути та організації "
        "громадянського суспільства з Німеччини, Словаччини, Польщі, Данії, Італії та України."
    ),
    # City of Dresden
    "City of Dresden - Landeshauptstadt Dresden (LHD)": (
        "Місто Дрезден — Landeshauptstadt Dresden (LHD)"
    ),
    "City of Dresden - Landeshauptstadt Dresden (LHD) logo": "Логотип міста Дрезден (LHD)",
    "Dresden": "Дрезден",
    content.DRESDEN_BRIEF_DESCRIPTION: (
        "Дрезден, де мешкає понад пів мільйона людей, — одне з найбільших міст сходу "
        "Федеративної Республіки Німеччина. Завдяки центральному розташуванню та близькості до "
        "Чехії й Польщі він є воротами до Східної Європи. Дрезден — місто знань і вмінь. "
        "Майже половина працівників мають наукові й технічні професії або здобули освіту в цій "
        "галузі. Мешканці Дрездена мають глибоку інженерну традицію та відкриті до нових "
        "технологій. Міждисциплінарна співпраця бізнесу й дослідницьких установ рухає Дрезден "
        "уперед. У 2016 році міська рада Дрездена ухвалила інтегровану концепцію міського "
        "розвитку «Zukunft2025+» (IDUC). Вона вперше відкрила шлях до розумного міста (Smart "
        "City). Стратегія розумного міста Дрездена увійшла до основних документів "
        "стратегічного планування, які ухвалила міська рада та обговорили з мешканцями під час "
        "планування. У 2022 році місто Дрезден приєдналося до Місії ЄС «100 кліматично "
        "нейтральних і розумних міст до 2030 року», щоб прискорити рух до міста з нульовими "
        "викидами."
    ),
    content.DRESDEN_ROLE_IN_PROJECT: (
        "У проєкті U_CAN місто Дрезден діє як місто-фасилітатор між Місією ЄС для міст, "
        "платформою NetZeroCities і партнерством U_CAN. Зокрема, воно сприяє обміну досвідом і "
        "знаннями, зосереджуючись на співпраці з містом Хмельницький."
    ),
    "Regine Kramer": "Регіне Крамер",
    "City Mission facilitator, coordinator of city engagement in EU projects": (
        "фасилітаторка Місії ЄС для міст, координаторка участі міста в проєктах ЄС"
    ),
    # Technische Universität Dresden
    "Technische Universität Dresden": "Технічний університет Дрездена",
    "Technische Universität Dresden logo": "Логотип Технічного університету Дрездена",
    (
        "Technische Universität Dresden is one of Germany's eleven Universities of Excellence, "
        "with a broad range of disciplines from engineering to the humanities."
    ): (
        "Технічний університет Дрездена — один з одинадцяти університетів досконалості "
        "Німеччини з широким колом дисциплін — від інженерії до гуманітарних наук."
    ),
    (
        "TU Dresden coordinates U_CAN through WISSENSARCHITEKTUR – Laboratory of Knowledge "
        "Architecture, and leads the project's management and knowledge exchange."
    ): (
        "ТУ Дрезден координує U_CAN через WISSENSARCHITEKTUR — Лабораторію архітектури знань "
        "і керує менеджментом проєкту та обміном знаннями."
    ),
    "Anna Lehmann": "Анна Леманн",
    "Project coordinator": "координаторка проєкту",
    "Architect and urban researcher coordinating the U_CAN consortium.": (
        "Архітекторка та дослідниця міст, яка координує консорціум U_CAN."
    ),
    "Jonas Richter": "Йонас Ріхтер",
    "Research associate, urban data": "науковий співробітник, міські дані",
    "Mariia Koval": "Марія Коваль",
    "Research associate, city partnerships": "наукова співробітниця, партнерства міст",
    # European Citizen Science Association
    "European Citizen Science Association": "Європейська асоціація громадянської науки",
    "European Citizen Science Association logo": (
        "Логотип Європейської асоціації громадянської науки"
    ),
    "Berlin": "Берлін",
    (
        "The European Citizen Science Association is a network that connects citizen science "
        "initiatives, researchers and practitioners across Europe."
    ): (
        "Європейська асоціація громадянської науки — мережа, що об'єднує ініціативи "
        "громадянської науки, дослідників і практиків по всій Європі."
    ),
    (
        "ECSA brings citizen-science methods into U_CAN so that residents can take part in "
        "measuring and shaping their cities' path to climate neutrality."
    ): (
        "ECSA привносить у U_CAN методи громадянської науки, щоб мешканці могли вимірювати та "
        "формувати шлях своїх міст до кліматичної нейтральності."
    ),
    "Lea Hoffmann": "Леа Гоффманн",
    "Citizen science officer": "фахівчиня з громадянської науки",
    "Tomás Novak": "Томаш Новак",
    "Community manager": "менеджер спільноти",
    # O. M. Beketov Kharkiv National University of Urban Economy
    "O. M. Beketov Kharkiv National University of Urban Economy": (
        "Харківський національний університет міського господарства імені О. М. Бекетова"
    ),
    "O. M. Beketov Kharkiv National University of Urban Economy logo": (
        "Логотип Харківського національного університету міського господарства імені О. М. Бекетова"
    ),
    "Kharkiv": "Харків",
    (
        "The O. M. Beketov Kharkiv National University of Urban Economy educates specialists "
        "in urban management, construction and municipal services."
    ): (
        "Харківський національний університет міського господарства імені О. М. Бекетова "
        "готує фахівців з управління містом, будівництва та комунальних послуг."
    ),
    (
        "The university contributes expertise in urban economy and energy efficiency of "
        "municipal infrastructure."
    ): (
        "Університет вносить експертизу з міської економіки та енергоефективності комунальної "
        "інфраструктури."
    ),
    "Olena Shevchenko": "Олена Шевченко",
    "Associate professor, urban economy": "доцентка, міська економіка",
    "Dmytro Bondarenko": "Дмитро Бондаренко",
    "Researcher, energy efficiency": "дослідник, енергоефективність",
    # City Institute (Lviv)
    'Municipal institution "City Institute" (Lviv)': "Комунальна установа «Інститут міста» (Львів)",
    'Municipal institution "City Institute" (Lviv) logo': (
        "Логотип комунальної установи «Інститут міста» (Львів)"
    ),
    "City Institute": "Інститут міста",
    "Lviv": "Львів",
    (
        "The City Institute is a municipal institution of the City of Lviv that works on "
        "strategic planning and urban development."
    ): (
        "Інститут міста — комунальна установа Львівської міської ради, що працює над "
        "стратегічним плануванням і розвитком міста."
    ),
    (
        "The City Institute brings Lviv's planning practice into the project and works on the "
        "city's climate strategy."
    ): (
        "Інститут міста привносить у проєкт львівську практику планування та працює над "
        "кліматичною стратегією міста."
    ),
    "Iryna Melnyk": "Ірина Мельник",
    "Head of strategic planning": "керівниця відділу стратегічного планування",
    "Andrii Tkachenko": "Андрій Ткаченко",
    "Urban analyst": "міський аналітик",
    # Khmelnytskyi National University
    "Khmelnytskyi National University": "Хмельницький національний університет",
    "Khmelnytskyi National University logo": "Логотип Хмельницького національного університету",
    "Khmelnytskyi": "Хмельницький",
    (
        "Khmelnytskyi National University is a multidisciplinary university in western Ukraine."
    ): "Хмельницький національний університет — багатопрофільний університет на заході України.",
    (
        "The university works with the City of Khmelnytskyi and with the City of Dresden on "
        "the city's path to climate neutrality."
    ): (
        "Університет співпрацює з містом Хмельницький і містом Дрезден на шляху міста до "
        "кліматичної нейтральності."
    ),
    "Oksana Kravchenko": "Оксана Кравченко",
    "Vice-rector for research": "проректорка з наукової роботи",
    "Serhii Lysenko": "Сергій Лисенко",
    "Associate professor, energy management": "доцент, енергетичний менеджмент",
    # Site content
    "U_CAN": "U_CAN",
    "Ukraine Towards Carbon Neutrality": "Україна на шляху до вуглецевої нейтральності",
    "WISSENSARCHITEKTUR – Laboratory of Knowledge Architecture": (
        "WISSENSARCHITEKTUR — Лабораторія архітектури знань"
    ),
    "Technische Universität Dresden\n01062 Dresden\nGermany": (
        "Технічний університет Дрездена\n01062 Дрезден\nНімеччина"
    ),
    "Subscribe to our newsletter": "Підпишіться на нашу розсилку",
    content.SITE_CONTENT["newsletter_text"]: (
        "щоб дізнаватися про результати проєкту, події та корисні оголошення у сфері "
        "вуглецевої нейтральності міст в Україні та Європейському Союзі"
    ),
    'Banner of EU Missions "Climate-neutral smart cities"': (
        "Банер Місій ЄС «Кліматично нейтральні та розумні міста»"
    ),
    content.SITE_CONTENT["funding_text"]: (
        "U_CAN фінансується програмою досліджень та інновацій Європейського Союзу «Горизонт "
        "Європа» в межах Місії ЄС «100 кліматично нейтральних і розумних міст до 2030 року». "
        "Однак висловлені погляди та думки належать лише авторам і не обов'язково "
        "відображають погляди Європейського Союзу чи Європейської комісії. Ні Європейський "
        "Союз, ні орган, що надає грант, не несуть за них відповідальності."
    ),
}
