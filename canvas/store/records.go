package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	bolt "go.etcd.io/bbolt"
)

// Record layout, schemas 2 to 5 (3 and 4 changed only the summary, 5 added
// the accepted tensions to the session).
//
// A session record is JSON without the dimension snapshot; the snapshot is
// stored once per distinct content in the "dimsets" bucket, keyed by its
// SHA-256, and the record names it. Nearly every session shares one of two
// snapshots (Full and Quick), so this takes ~16 KB off most records and off
// every save.
//
// A summary record is a small binary encoding, because listing decodes one
// per session at start-up. Schema 1 records (inline snapshot, JSON
// summaries) and schema 2 summaries are still read.

var bucketDimsets = []byte("dimsets")

type recordV2 struct {
	Version int             `json:"v"`
	Session *canvas.Session `json:"session"`
	Dims    string          `json:"dims,omitempty"`
}

// dimsetCache remembers decoded snapshots by hash, and the last snapshot
// saved, so repeated saves neither re-encode nor re-hash it.
type dimsetCache struct {
	mu      sync.Mutex
	decoded map[string][]canvas.Dimension
	last    []canvas.Dimension
	lastRef string
	lastDoc []byte
}

func (c *dimsetCache) ref(dims []canvas.Dimension) (string, []byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lastRef != "" && slices.Equal(dims, c.last) {
		return c.lastRef, c.lastDoc, nil
	}
	doc, err := json.Marshal(dims)
	if err != nil {
		return "", nil, err
	}
	sum := sha256.Sum256(doc)
	c.last, c.lastRef, c.lastDoc = slices.Clone(dims), hex.EncodeToString(sum[:]), doc
	return c.lastRef, doc, nil
}

func (c *dimsetCache) get(tx *bolt.Tx, ref string) ([]canvas.Dimension, error) {
	c.mu.Lock()
	d, ok := c.decoded[ref]
	c.mu.Unlock()
	if ok {
		return slices.Clone(d), nil
	}
	b := tx.Bucket(bucketDimsets)
	var doc []byte
	if b != nil {
		doc = b.Get([]byte(ref))
	}
	if doc == nil {
		return nil, fmt.Errorf("%w: dimension set %.12s is missing", ErrDamaged, ref)
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("%w: dimension set %.12s cannot be read: %v", ErrDamaged, ref, err)
	}
	c.mu.Lock()
	if c.decoded == nil {
		c.decoded = map[string][]canvas.Dimension{}
	}
	c.decoded[ref] = d
	c.mu.Unlock()
	return slices.Clone(d), nil
}

// recordBufs keeps encode buffers between saves: a heavy session's record
// is about 50 KB, and allocating and zeroing a new one was a fifth of the
// CPU of a save.
var recordBufs sync.Pool // of *[]byte

// encodeRecord writes the snapshot into dimsets if this file lacks it and
// appends the session record to dst.
func (s *Store) encodeRecord(tx *bolt.Tx, sess *canvas.Session, dst []byte) ([]byte, error) {
	ref, doc, err := s.dims.ref(sess.Dimensions)
	if err != nil {
		return nil, fmt.Errorf("encode dimensions: %w", err)
	}
	b, err := tx.CreateBucketIfNotExists(bucketDimsets)
	if err != nil {
		return nil, err
	}
	if b.Get([]byte(ref)) == nil {
		if err := b.Put([]byte(ref), doc); err != nil {
			return nil, err
		}
	}
	if size := 512 + 160*len(sess.Placements) + 200*(len(sess.Positions)+len(sess.Participants)+len(sess.Actions)); cap(dst) < size {
		dst = make([]byte, 0, size)
	}
	return appendRecord(dst, sess, ref), nil
}

// decodeRecord reads a schema 1 or 2 session record.
func (s *Store) decodeRecord(tx *bolt.Tx, data []byte) (*canvas.Session, error) {
	var rec recordV2
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("%w: session record cannot be read: %v", ErrDamaged, err)
	}
	if rec.Version > SchemaVersion {
		return nil, fmt.Errorf("%w (record version %d)", ErrTooNew, rec.Version)
	}
	if rec.Session == nil {
		return nil, fmt.Errorf("%w: empty record", ErrDamaged)
	}
	if rec.Dims != "" {
		dims, err := s.dims.get(tx, rec.Dims)
		if err != nil {
			return nil, err
		}
		rec.Session.Dimensions = dims
	}
	rec.Session.Upgrade()
	return rec.Session, nil
}

// Binary summary layouts, told apart by their first byte; schema 1
// summaries are JSON and start with '{'. Each holds some strings, then a
// fixed tail:
//
//	summaryV2  id, title, product, label; updated as Unix nanoseconds
//	           (int64), index (float64), valid
//	summaryV3  id, title, product, label; updated as Unix seconds (int64)
//	           and nanoseconds (uint32), index (float64), valid
//	summaryV4  id, title, product; the tail of version 3
//
// Version 2 is still read: Unix nanoseconds overflow outside the years
// 1678-2262, so 9999-12-31 read back as 1816. Version 3 holds every time a
// session may have (years 0000-9999). Versions 2 and 3 held the index
// label in English; version 4 holds figures only, and the band is derived
// from the index, so the list shows it in the reader's language. An older
// label is read past and never shown.
const (
	summaryV2 = 2
	summaryV3 = 3
	summaryV4 = 4

	summaryV2Tail = 8 + 8 + 1
	summaryV3Tail = 8 + 4 + 8 + 1
)

func encodeSummary(sum Summary) []byte {
	b := make([]byte, 0, 1+3*binary.MaxVarintLen64+len(sum.ID)+len(sum.Title)+len(sum.Product)+summaryV3Tail)
	b = append(b, summaryV4)
	for _, s := range []string{sum.ID, sum.Title, sum.Product} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(sum.Updated.Unix()))
	b = binary.LittleEndian.AppendUint32(b, uint32(sum.Updated.Nanosecond()))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(sum.Index))
	valid := byte(0)
	if sum.IndexValid {
		valid = 1
	}
	return append(b, valid)
}

var errSummary = errors.New("summary record cannot be read")

func decodeSummary(b []byte) (Summary, error) {
	if len(b) > 0 && b[0] == '{' {
		var r struct {
			Summary
		}
		err := json.Unmarshal(b, &r)
		return r.Summary, err
	}
	if len(b) == 0 || b[0] < summaryV2 || b[0] > summaryV4 {
		return Summary{}, errSummary
	}
	version := b[0]
	b = b[1:]
	var strs [4]string // the fourth, a label, only before version 4
	count := len(strs)
	if version == summaryV4 {
		count = 3
	}
	for i := range strs[:count] {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return Summary{}, errSummary
		}
		strs[i] = string(b[k : k+int(n)])
		b = b[k+int(n):]
	}
	sum := Summary{ID: strs[0], Title: strs[1], Product: strs[2]}
	switch {
	case version == summaryV2 && len(b) == summaryV2Tail:
		sum.Updated = time.Unix(0, int64(binary.LittleEndian.Uint64(b))).UTC()
		b = b[8:]
	case version >= summaryV3 && len(b) == summaryV3Tail:
		nsec := binary.LittleEndian.Uint32(b[8:])
		if nsec >= 1e9 {
			return Summary{}, errSummary
		}
		sum.Updated = time.Unix(int64(binary.LittleEndian.Uint64(b)), int64(nsec)).UTC()
		b = b[12:]
	default:
		return Summary{}, errSummary
	}
	sum.Index = math.Float64frombits(binary.LittleEndian.Uint64(b))
	sum.IndexValid = b[8] == 1
	return sum, nil
}
