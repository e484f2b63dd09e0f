export { createNetwork, busIndex, type Network, type NetworkInput, type Bus, type BusType, type Generator, type Branch, type DcLine, type CostCurve } from './network';
export { readMatpower } from './matpower/read-matpower';
