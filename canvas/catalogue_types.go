package canvas

// Pole values: a dimension runs from the consumer pole to the business pole.
const (
	ToCPole = 0
	ToBPole = 100
)

// Dimension is one ToB/ToC spectrum the team places its product on.
// Sessions keep a copy of every Dimension they use, so the catalogue can
// grow without changing a session that already exists. A built-in
// dimension carries only its key and group: the reader's language supplies
// its words (assets/lang), by key, even for an old session saved with
// English text. The text fields are for dimensions a team writes itself.
type Dimension struct {
	Key      string   `json:"key"`
	Group    string   `json:"group"`
	Name     string   `json:"name"`
	Question string   `json:"question"`
	ToC      string   `json:"toc"`
	ToB      string   `json:"tob"`
	Guidance Guidance `json:"guidance"`
}

// Guidance says what sitting at each pole implies for the team.
type Guidance struct {
	ToC string `json:"toc"`
	ToB string `json:"tob"`
}

// Group gathers related dimensions; the editor, chart and PDF show them
// group by group in this order. Its name is in assets/lang.
type Group struct {
	Key string `json:"key"`
}

// Template is a starting set of dimensions for a new session, in order.
// A built-in template's name is in assets/lang and Name is empty; a custom
// template carries the name its author wrote.
type Template struct {
	Key        string   `json:"key"`
	Name       string   `json:"name,omitempty"`
	Dimensions []string `json:"dimensions"`
}

// Template keys, as written in session files.
const (
	TemplateFull  = "full"
	TemplateQuick = "quick"
)

// Catalogue returns every dimension in catalogue order. The slice is a copy:
// callers may keep or change it without touching the catalogue.
func Catalogue() []Dimension {
	out := make([]Dimension, len(catalogue))
	copy(out, catalogue)
	return out
}

// Groups returns the dimension groups in display order.
func Groups() []Group {
	out := make([]Group, len(groups))
	copy(out, groups)
	return out
}

// LookupDimension finds a catalogue dimension by its stable key.
func LookupDimension(key string) (Dimension, bool) {
	for _, d := range catalogue {
		if d.Key == key {
			return d, true
		}
	}
	return Dimension{}, false
}

// Templates returns the session templates: Full first, then Quick.
func Templates() []Template {
	full := Template{Key: TemplateFull}
	for _, d := range catalogue {
		full.Dimensions = append(full.Dimensions, d.Key)
	}
	quick := Template{Key: TemplateQuick, Dimensions: append([]string(nil), quickKeys...)}
	return []Template{full, quick}
}

// LookupTemplate finds a template by key.
func LookupTemplate(key string) (Template, bool) {
	for _, t := range Templates() {
		if t.Key == key {
			return t, true
		}
	}
	return Template{}, false
}

// quickKeys is the Quick template: the dimensions that separate ToB from ToC
// fastest when a team has only half an hour.
var quickKeys = []string{
	"customer", "decision-makers", "decision-cycle", "acquisition",
	"revenue-model", "value", "customization", "release-cadence",
}
