// The dashboard is an app (src/main.tsx is the browser entry); this entry exposes its pure view
// models for other tools, e.g. to compute the same 15-minute peak or LMP matrix outside the page.
export { intervalAverages, peakWindow, powerSteps, readBusChargingPlan, type BusChargingView, type ChargingSessionView, type DemandWindow } from './plans/bus-charging';
export { readEvrpPlan, socAlongRoute, type EvrpView } from './plans/evrp';
export { lmpGrid, scenarioSpread, scenariosOf, type LmpGrid, type PricePoint, type SpreadBand } from './plans/lmp';
export { readMessPlan, truckStateAt, valueAt, type MessPlanView, type TruckLeg } from './plans/mess';
export { forceLayout, projectLonLat } from './graph/layout';
