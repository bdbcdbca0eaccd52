/**
 * Small name lists for PRI_NAME ("LAST,FIRST M"). Names are drawn independently, so any combination is
 * a fictional person; surname lists follow the race group only so the file looks plausible.
 */

const list = (s: string): readonly string[] => s.trim().split(/\s*\|\s*/)

export const SURNAMES_GENERAL = list(`
  ANDERSON | BAKER | BROOKS | CARTER | COLLINS | DAVIS | EDWARDS | EVANS | FOSTER | GRAY |
  GREEN | HALL | HARRIS | HAYES | HILL | HUGHES | JACKSON | JAMES | JENKINS | JOHNSON |
  JONES | KELLY | KING | LEWIS | MARSHALL | MILLER | MITCHELL | MOORE | MORGAN | MURPHY |
  NELSON | PARKER | PRICE | REED | ROBINSON | ROGERS | ROSS | SCOTT | SIMMONS | SMITH |
  STEWART | TAYLOR | THOMAS | THOMPSON | TURNER | WALKER | WASHINGTON | WATSON | WHITE |
  WILLIAMS | WILSON | WOOD | WRIGHT | YOUNG | O'BRIEN | MC DONALD
`)

export const SURNAMES_HISPANIC = list(`
  AGUILAR | ALVAREZ | CASTILLO | CASTRO | CHAVEZ | CRUZ | DIAZ | ESPINOZA | FLORES | GARCIA |
  GOMEZ | GONZALEZ | GUTIERREZ | HERNANDEZ | HERRERA | JIMENEZ | LOPEZ | MARTINEZ | MEDINA |
  MENDOZA | MORALES | MORENO | ORTIZ | PEREZ | RAMIREZ | RAMOS | REYES | RIVERA | RODRIGUEZ |
  ROMERO | RUIZ | SANCHEZ | SANTOS | SOTO | TORRES | VARGAS | VASQUEZ | DE LA CRUZ
`)

export const SURNAMES_ASIAN = list(`
  CHEN | CHANG | HUANG | LEE | LI | LIU | WANG | WONG | NGUYEN | TRAN | LE | PHAM | KIM |
  PARK | CHOI | SANTOS | REYES | DELA CRUZ | TANAKA | NAKAMURA | PATEL | SINGH
`)

export const FIRST_MALE = list(`
  ANTHONY | BRIAN | CARLOS | CHRISTOPHER | DANIEL | DAVID | EDWARD | ERIC | FRANCISCO | GARY |
  JAMES | JASON | JESUS | JOHN | JOSE | JOSEPH | JUAN | KEVIN | LUIS | MARCUS | MARK |
  MICHAEL | MIGUEL | PAUL | RICHARD | ROBERT | RONALD | STEVEN | TERRENCE | THOMAS | TIMOTHY |
  WILLIAM | DARNELL | ANDRE | MINH | KENJI
`)

export const FIRST_FEMALE = list(`
  ANGELA | BARBARA | CYNTHIA | DEBORAH | ELIZABETH | JENNIFER | JESSICA | KAREN | LATOYA |
  LAURA | LINDA | LISA | MARIA | MARY | MICHELLE | PATRICIA | ROSA | SANDRA | SARAH | SUSAN |
  TERESA | VERONICA | YOLANDA | MAI
`)

/** All surnames and all first names in one list each (1-based positions), and where each part starts. */
export const NAME_LISTS = {
  surnames: [...SURNAMES_GENERAL, ...SURNAMES_HISPANIC, ...SURNAMES_ASIAN],
  generalAt: 1,
  hispanicAt: 1 + SURNAMES_GENERAL.length,
  asianAt: 1 + SURNAMES_GENERAL.length + SURNAMES_HISPANIC.length,
  firstNames: [...FIRST_MALE, ...FIRST_FEMALE],
  maleAt: 1,
  femaleAt: 1 + FIRST_MALE.length,
} as const
