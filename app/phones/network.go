package phones

import (
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
)

// DefaultPort is the port phones are offered first: a fixed port keeps
// the address the same from one round to the next. When it is taken the
// server takes any free port.
const DefaultPort = 8397

// Interface is a network address phones may reach the laptop on.
type Interface struct {
	Name string // the interface, such as wlan0
	IP   net.IP
	// Default marks the address of the interface with the default route,
	// the one the room's Wi-Fi most likely reaches.
	Default bool
}

// ErrNoNetwork means the laptop has no network address but loopback:
// phones cannot reach it.
var ErrNoNetwork = errors.New("no network address other than loopback")

// ErrEveryInterface refuses an address such as 0.0.0.0: the server listens
// on the one network the phones are on, never on every interface.
var ErrEveryInterface = errors.New("give the address of one network to listen on, not every interface")

// Interfaces lists the IPv4 addresses of the interfaces that are up, not
// loopback, the default route's first.
func Interfaces() ([]Interface, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("list network interfaces: %w", err)
	}
	def := defaultRouteIP()
	var out []Interface
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ip := ipn.IP.To4()
			if ip == nil || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
				continue
			}
			out = append(out, Interface{Name: ifc.Name, IP: ip, Default: def != nil && ip.Equal(def)})
		}
	}
	if len(out) == 0 {
		return nil, ErrNoNetwork
	}
	slices.SortStableFunc(out, func(a, b Interface) int {
		switch {
		case a.Default == b.Default:
			return 0
		case a.Default:
			return -1
		}
		return 1
	})
	return out, nil
}

// defaultRouteIP is the local address the kernel would send from to reach
// a public address: the default route's. Connecting a UDP socket sends
// nothing; it only asks the routing table. Nil when there is no route.
func defaultRouteIP() net.IP {
	c, err := net.Dial("udp4", "192.0.2.1:9") // TEST-NET-1: never answered
	if err != nil {
		return nil
	}
	defer c.Close()
	if a, ok := c.LocalAddr().(*net.UDPAddr); ok {
		return a.IP.To4()
	}
	return nil
}

// listen listens on addr. An address without a port gets DefaultPort, or
// any free port when that one is taken; an explicit port must be free.
func listen(addr string) (net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		// No port given.
		host, port = addr, ""
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		return nil, fmt.Errorf("listen %q: %w", addr, ErrEveryInterface)
	}
	if port != "" {
		ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
		if err != nil {
			return nil, fmt.Errorf("listen on %s: %w", addr, err)
		}
		return ln, nil
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(DefaultPort)))
	if err == nil {
		return ln, nil
	}
	ln, err2 := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err2 != nil {
		return nil, fmt.Errorf("listen on %s: %w", host, errors.Join(err, err2))
	}
	return ln, nil
}

// CheckAddr reports whether the server could listen on addr now, by
// listening and closing at once, so a caller can refuse a bad address
// before it changes anything.
func CheckAddr(addr string) error {
	ln, err := listen(addr)
	if err != nil {
		return err
	}
	return ln.Close()
}
