package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	bolt "go.etcd.io/bbolt"
)

// The catalogue (schema 6): the custom dimensions and templates a
// facilitator made, in the same file as the sessions, so a backup or a
// restore carries them together. Each lives in a bucket of its own, keyed
// by its key, as a versioned JSON record. Files of earlier schemas have
// neither bucket and an empty catalogue; the first catalogue write creates
// them and marks the file schema 6, in the same transaction, so an older
// Fulcrum refuses the file rather than lose the catalogue on its next
// backup and restore.

var (
	bucketCustomDimensions = []byte("custom-dimensions")
	bucketTemplates        = []byte("templates")
)

type dimensionRecord struct {
	Version   int              `json:"v"`
	Dimension canvas.Dimension `json:"dimension"`
}

type templateRecord struct {
	Version  int             `json:"v"`
	Template canvas.Template `json:"template"`
}

// Library reads the catalogue: the built-in one with the custom dimensions
// and templates of this file, each in key order.
func (s *Store) Library() (canvas.Library, error) {
	var lib canvas.Library
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		lib, err = readLibrary(tx)
		return err
	})
	if err != nil {
		return canvas.Library{}, fmt.Errorf("read the catalogue of %s: %w", s.path, err)
	}
	return lib, nil
}

func readLibrary(tx *bolt.Tx) (canvas.Library, error) {
	var lib canvas.Library
	if b := tx.Bucket(bucketCustomDimensions); b != nil {
		err := b.ForEach(func(k, v []byte) error {
			var rec dimensionRecord
			if err := decodeCatalogueRecord(v, &rec, &rec.Version); err != nil {
				return fmt.Errorf("custom dimension %q: %w", k, err)
			}
			if rec.Dimension.Key != string(k) {
				return fmt.Errorf("%w: custom dimension stored as %q says its key is %q", ErrDamaged, k, rec.Dimension.Key)
			}
			lib.Dimensions = append(lib.Dimensions, rec.Dimension)
			return nil
		})
		if err != nil {
			return canvas.Library{}, err
		}
	}
	if b := tx.Bucket(bucketTemplates); b != nil {
		err := b.ForEach(func(k, v []byte) error {
			var rec templateRecord
			if err := decodeCatalogueRecord(v, &rec, &rec.Version); err != nil {
				return fmt.Errorf("template %q: %w", k, err)
			}
			if rec.Template.Key != string(k) {
				return fmt.Errorf("%w: template stored as %q says its key is %q", ErrDamaged, k, rec.Template.Key)
			}
			lib.Templates = append(lib.Templates, rec.Template)
			return nil
		})
		if err != nil {
			return canvas.Library{}, err
		}
	}
	return lib, nil
}

func decodeCatalogueRecord(data []byte, rec any, version *int) error {
	if err := json.Unmarshal(data, rec); err != nil {
		return fmt.Errorf("%w: the record cannot be read: %v", ErrDamaged, err)
	}
	if *version > SchemaVersion {
		return fmt.Errorf("%w (record version %d)", ErrTooNew, *version)
	}
	return nil
}

// checkLibrary is Check's part for the catalogue: every record decodes and
// holds what SaveDimension and SaveTemplate would accept.
func checkLibrary(tx *bolt.Tx) error {
	lib, err := readLibrary(tx)
	if err != nil {
		return err
	}
	for _, d := range lib.Dimensions {
		if ps := canvas.CheckCustomDimension(d); len(ps) > 0 {
			return fmt.Errorf("%w: custom dimension %q: %v", ErrDamaged, d.Key, &canvas.InvalidFileError{Problems: ps})
		}
	}
	for _, t := range lib.Templates {
		if ps := canvas.CheckTemplate(t, lib.Dimension); len(ps) > 0 {
			return fmt.Errorf("%w: template %q: %v", ErrDamaged, t.Key, &canvas.InvalidFileError{Problems: ps})
		}
	}
	return nil
}

// catalogueBucket opens a catalogue bucket for writing, creating it and
// marking the file with this schema on a file of an earlier one.
func catalogueBucket(tx *bolt.Tx, name []byte) (*bolt.Bucket, error) {
	b, err := tx.CreateBucketIfNotExists(name)
	if err != nil {
		return nil, fmt.Errorf("create bucket %s: %w", name, err)
	}
	return b, markSchema(tx)
}

// markSchema records this build's schema in the file on its first write.
func markSchema(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if v := meta.Get(keySchema); string(v) != fmt.Sprint(SchemaVersion) {
		return meta.Put(keySchema, fmt.Appendf(nil, "%d", SchemaVersion))
	}
	return nil
}

func putDimension(tx *bolt.Tx, d canvas.Dimension) error {
	b, err := catalogueBucket(tx, bucketCustomDimensions)
	if err != nil {
		return err
	}
	rec, err := json.Marshal(dimensionRecord{Version: SchemaVersion, Dimension: d})
	if err != nil {
		return err
	}
	return b.Put([]byte(d.Key), rec)
}

func putTemplate(tx *bolt.Tx, t canvas.Template) error {
	b, err := catalogueBucket(tx, bucketTemplates)
	if err != nil {
		return err
	}
	rec, err := json.Marshal(templateRecord{Version: SchemaVersion, Template: t})
	if err != nil {
		return err
	}
	return b.Put([]byte(t.Key), rec)
}

// ErrInvalidCatalogue wraps the problems of a custom dimension or template
// the catalogue refuses; errors.As finds the *canvas.InvalidFileError.
var ErrInvalidCatalogue = errors.New("invalid catalogue entry")

func invalid(ps []canvas.Problem) error {
	return fmt.Errorf("%w: %w", ErrInvalidCatalogue, &canvas.InvalidFileError{Problems: ps})
}

// SaveDimension creates or replaces a custom dimension. Sessions that use
// it keep the copy they took; templates that use it start new sessions
// with the new text.
func (s *Store) SaveDimension(d canvas.Dimension) error {
	if ps := canvas.CheckCustomDimension(d); len(ps) > 0 {
		return fmt.Errorf("save custom dimension %q to %s: %w", d.Key, s.path, invalid(ps))
	}
	err := s.update(func(tx *bolt.Tx) error {
		if n := bucketLen(tx, bucketCustomDimensions); n >= canvas.MaxCustom && !hasKey(tx, bucketCustomDimensions, d.Key) {
			return fmt.Errorf("%w: at most %d custom dimensions", ErrCatalogueFull, canvas.MaxCustom)
		}
		return putDimension(tx, d)
	})
	if err != nil {
		return fmt.Errorf("save custom dimension %q to %s: %w", d.Key, s.path, err)
	}
	return nil
}

// ErrCatalogueFull means the catalogue holds canvas.MaxCustom custom
// dimensions already.
var ErrCatalogueFull = errors.New("the catalogue is full")

// DeleteDimension removes a custom dimension from the catalogue and from
// the custom templates that use it (the catalogue screen asks first; see
// Library.TemplatesUsing); a template left without any dimension goes
// too. Sessions keep their copy.
func (s *Store) DeleteDimension(key string) error {
	err := s.update(func(tx *bolt.Tx) error {
		if !hasKey(tx, bucketCustomDimensions, key) {
			return ErrNotFound
		}
		lib, err := readLibrary(tx)
		if err != nil {
			return err
		}
		for _, t := range lib.TemplatesUsing(key) {
			t.Dimensions = slices.DeleteFunc(t.Dimensions, func(k string) bool { return k == key })
			if len(t.Dimensions) == 0 {
				err = tx.Bucket(bucketTemplates).Delete([]byte(t.Key))
			} else {
				err = putTemplate(tx, t)
			}
			if err != nil {
				return err
			}
		}
		if err := markSchema(tx); err != nil {
			return err
		}
		return tx.Bucket(bucketCustomDimensions).Delete([]byte(key))
	})
	if err != nil {
		return fmt.Errorf("delete custom dimension %q from %s: %w", key, s.path, err)
	}
	return nil
}

// SaveTemplate creates or replaces a custom template; every dimension it
// lists must be built in or in the catalogue. Full and Quick are
// read-only.
func (s *Store) SaveTemplate(t canvas.Template) error {
	t.Dimensions = slices.Clone(t.Dimensions)
	err := s.update(func(tx *bolt.Tx) error {
		lib, err := readLibrary(tx)
		if err != nil {
			return err
		}
		if ps := canvas.CheckTemplate(t, lib.Dimension); len(ps) > 0 {
			return invalid(ps)
		}
		if len(lib.Templates) >= canvas.MaxCustom && !hasKey(tx, bucketTemplates, t.Key) {
			return fmt.Errorf("%w: at most %d templates", ErrCatalogueFull, canvas.MaxCustom)
		}
		return putTemplate(tx, t)
	})
	if err != nil {
		return fmt.Errorf("save template %q to %s: %w", t.Key, s.path, err)
	}
	return nil
}

// DeleteTemplate removes a custom template. Sessions started from it keep
// its key as where they came from.
func (s *Store) DeleteTemplate(key string) error {
	err := s.update(func(tx *bolt.Tx) error {
		if (canvas.Template{Key: key}).IsBuiltIn() {
			return fmt.Errorf("template %q: %w", key, canvas.ErrBuiltIn)
		}
		if !hasKey(tx, bucketTemplates, key) {
			return ErrNotFound
		}
		if err := markSchema(tx); err != nil {
			return err
		}
		return tx.Bucket(bucketTemplates).Delete([]byte(key))
	})
	if err != nil {
		return fmt.Errorf("delete template %q from %s: %w", key, s.path, err)
	}
	return nil
}

// TemplateImported is what importing one template file did.
type TemplateImported struct {
	Key string
	// Replaced says a template of that key was there before and is now
	// the file's.
	Replaced bool
	// Conflicts are the file's custom dimensions whose key the catalogue
	// had with other content: the catalogue kept its own, and the
	// template uses it.
	Conflicts []canvas.Conflict
}

// ImportTemplates adds the templates of template files, and the custom
// dimensions they define that the catalogue lacks, all at once: either
// every one is imported or, on any error, nothing changes.
func (s *Store) ImportTemplates(files []canvas.TemplateFile) ([]TemplateImported, error) {
	out := make([]TemplateImported, len(files))
	err := s.update(func(tx *bolt.Tx) error {
		lib, err := readLibrary(tx)
		if err != nil {
			return err
		}
		for i, f := range files {
			conflicts, err := addDimensions(tx, &lib, f.Custom, true)
			if err != nil {
				return fmt.Errorf("template %d (%s): %w", i+1, f.Template.Key, err)
			}
			t := f.Template
			t.Dimensions = slices.Clone(t.Dimensions)
			if ps := canvas.CheckTemplate(t, lib.Dimension); len(ps) > 0 {
				return fmt.Errorf("template %d (%s): %w", i+1, t.Key, invalid(ps))
			}
			_, replaced := lib.Template(t.Key)
			if !replaced && len(lib.Templates) >= canvas.MaxCustom {
				return fmt.Errorf("%w: at most %d templates", ErrCatalogueFull, canvas.MaxCustom)
			}
			if err := putTemplate(tx, t); err != nil {
				return err
			}
			if i := slices.IndexFunc(lib.Templates, func(h canvas.Template) bool { return h.Key == t.Key }); i >= 0 {
				lib.Templates[i] = t
			} else {
				lib.Templates = append(lib.Templates, t)
			}
			out[i] = TemplateImported{Key: t.Key, Replaced: replaced, Conflicts: conflicts}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("import templates into %s: %w", s.path, err)
	}
	return out, nil
}

// addDimensions adds to the catalogue (and to lib) the custom dimensions
// it lacks; one it has with other content is left as it is and returned as
// a conflict. A full catalogue is an error only when the dimensions are
// needed (a template's): a session keeps its own copies and imports
// anyway.
func addDimensions(tx *bolt.Tx, lib *canvas.Library, dims []canvas.Dimension, needed bool) ([]canvas.Conflict, error) {
	conflicts := lib.Conflicts(dims)
	for _, d := range dims {
		if !d.IsCustom() {
			continue
		}
		if _, ok := lib.Dimension(d.Key); ok {
			continue
		}
		if ps := canvas.CheckCustomDimension(d); len(ps) > 0 {
			return nil, invalid(ps)
		}
		if len(lib.Dimensions) >= canvas.MaxCustom {
			if !needed {
				continue
			}
			return nil, fmt.Errorf("%w: at most %d custom dimensions", ErrCatalogueFull, canvas.MaxCustom)
		}
		if err := putDimension(tx, d); err != nil {
			return nil, err
		}
		lib.Dimensions = append(lib.Dimensions, d)
	}
	return conflicts, nil
}

func bucketLen(tx *bolt.Tx, name []byte) int {
	b := tx.Bucket(name)
	if b == nil {
		return 0
	}
	return b.Stats().KeyN
}

func hasKey(tx *bolt.Tx, name []byte, key string) bool {
	b := tx.Bucket(name)
	return b != nil && b.Get([]byte(key)) != nil
}

// DimensionUsed reports whether a custom dimension's key is taken by a
// template or by a session's snapshot, so the catalogue screen knows
// whether its key may still change: sessions and templates name
// dimensions by key. A session deleted since still counts, because the
// snapshots it shared stay in the file; that errs on the safe side.
func (s *Store) DimensionUsed(key string) (bool, error) {
	used := false
	err := s.view(func(tx *bolt.Tx) error {
		lib, err := readLibrary(tx)
		if err != nil {
			return err
		}
		if len(lib.TemplatesUsing(key)) > 0 {
			used = true
			return nil
		}
		b := tx.Bucket(bucketDimsets)
		if b == nil {
			return nil
		}
		return b.ForEach(func(ref, doc []byte) error {
			var dims []keyOnly
			if err := json.Unmarshal(doc, &dims); err != nil {
				return fmt.Errorf("%w: dimension set %.12s cannot be read: %v", ErrDamaged, ref, err)
			}
			used = used || slices.Contains(dims, keyOnly{key})
			return nil
		})
	})
	if err != nil {
		return false, fmt.Errorf("look for uses of dimension %q in %s: %w", key, s.path, err)
	}
	return used, nil
}

// keyOnly reads a dimension's key alone out of a snapshot.
type keyOnly struct {
	Key string `json:"key"`
}
