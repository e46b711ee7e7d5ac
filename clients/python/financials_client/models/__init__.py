"""Contains all the data models used in inputs/outputs"""

from .ai_summary import AiSummary
from .analysis import Analysis
from .analysis_detail import AnalysisDetail
from .analysis_list_item import AnalysisListItem
from .analysis_page import AnalysisPage
from .analysis_result import AnalysisResult
from .analysis_settings import AnalysisSettings
from .analysis_settings_break_source import AnalysisSettingsBreakSource
from .analysis_settings_detector import AnalysisSettingsDetector
from .analysis_settings_leg import AnalysisSettingsLeg
from .body_dev_login_submit import BodyDevLoginSubmit
from .call import Call
from .call_bias import CallBias
from .chart_link import ChartLink
from .chart_request import ChartRequest
from .chart_request_detector import ChartRequestDetector
from .chart_request_interval import ChartRequestInterval
from .chart_request_leg import ChartRequestLeg
from .chart_request_period_type_0 import ChartRequestPeriodType0
from .chart_request_source_type_0 import ChartRequestSourceType0
from .chart_request_theme import ChartRequestTheme
from .chart_response import ChartResponse
from .confluence import Confluence
from .confluence_setup import ConfluenceSetup
from .dependency_state import DependencyState
from .dependency_state_state import DependencyStateState
from .equal_level import EqualLevel
from .equal_level_kind import EqualLevelKind
from .fair_value_gap import FairValueGap
from .fair_value_gap_direction import FairValueGapDirection
from .fib_anchor import FibAnchor
from .fib_anchor_kind import FibAnchorKind
from .fib_anchor_state import FibAnchorState
from .fib_level import FibLevel
from .fib_level_kind import FibLevelKind
from .fibonacci import Fibonacci
from .fibonacci_anchor_source import FibonacciAnchorSource
from .fibonacci_direction import FibonacciDirection
from .fibonacci_leg import FibonacciLeg
from .fibonacci_setup import FibonacciSetup
from .golden_pocket_setup import GoldenPocketSetup
from .grade import Grade
from .grade_levels import GradeLevels
from .grade_outcome import GradeOutcome
from .grade_realised import GradeRealised
from .health import Health
from .health_checks import HealthChecks
from .health_checks_additional_property import HealthChecksAdditionalProperty
from .health_status import HealthStatus
from .hit_rates import HitRates
from .hit_rates_detector import HitRatesDetector
from .imbalance_setup import ImbalanceSetup
from .imbalance_setup_box import ImbalanceSetupBox
from .imbalance_setup_direction_type_0 import ImbalanceSetupDirectionType0
from .jwks_response_jwks import JwksResponseJwks
from .jwks_response_jwks_additional_property_item import JwksResponseJwksAdditionalPropertyItem
from .leg_option import LegOption
from .leg_option_direction import LegOptionDirection
from .leg_option_role import LegOptionRole
from .level_hit_rate import LevelHitRate
from .level_hit_rate_kind import LevelHitRateKind
from .level_hit_rate_verdict import LevelHitRateVerdict
from .level_statistic import LevelStatistic
from .level_statistic_verdict import LevelStatisticVerdict
from .market_structure import MarketStructure
from .market_structure_break_source import MarketStructureBreakSource
from .me import Me
from .metadata_response_metadata import MetadataResponseMetadata
from .order_block import OrderBlock
from .order_block_direction import OrderBlockDirection
from .order_block_scale import OrderBlockScale
from .price_position import PricePosition
from .problem import Problem
from .provisional_leg import ProvisionalLeg
from .quote import Quote
from .quote_source import QuoteSource
from .rate_counts import RateCounts
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .readiness_status import ReadinessStatus
from .scan_page import ScanPage
from .scan_request import ScanRequest
from .scan_request_interval import ScanRequestInterval
from .scan_request_period import ScanRequestPeriod
from .scan_request_source_type_0 import ScanRequestSourceType0
from .scan_request_universe import ScanRequestUniverse
from .scan_row import ScanRow
from .scan_row_trend import ScanRowTrend
from .scan_status import ScanStatus
from .scan_summary import ScanSummary
from .scan_view import ScanView
from .series_info import SeriesInfo
from .session_info import SessionInfo
from .setup_match import SetupMatch
from .setup_match_setup import SetupMatchSetup
from .structure_event import StructureEvent
from .structure_event_direction import StructureEventDirection
from .structure_event_kind import StructureEventKind
from .structure_event_scale import StructureEventScale
from .structure_scale import StructureScale
from .structure_scale_bias_type_0 import StructureScaleBiasType0
from .structure_scale_scale import StructureScaleScale
from .structure_scale_trend import StructureScaleTrend
from .structure_setup import StructureSetup
from .structure_setup_direction_type_0 import StructureSetupDirectionType0
from .structure_setup_event import StructureSetupEvent
from .structure_setup_scale import StructureSetupScale
from .swing import Swing
from .swing_kind import SwingKind
from .swing_label_type_0 import SwingLabelType0
from .symbol_failure import SymbolFailure
from .symbol_match import SymbolMatch
from .symbol_match_kind import SymbolMatchKind
from .timings_ms import TimingsMs
from .trend_setup import TrendSetup
from .trend_setup_scale import TrendSetupScale
from .trend_setup_trend import TrendSetupTrend
from .watchlist_body import WatchlistBody
from .zone import Zone
from .zone_role import ZoneRole
from .zone_setup import ZoneSetup
from .zone_setup_role import ZoneSetupRole

__all__ = (
    "AiSummary",
    "Analysis",
    "AnalysisDetail",
    "AnalysisListItem",
    "AnalysisPage",
    "AnalysisResult",
    "AnalysisSettings",
    "AnalysisSettingsBreakSource",
    "AnalysisSettingsDetector",
    "AnalysisSettingsLeg",
    "BodyDevLoginSubmit",
    "Call",
    "CallBias",
    "ChartLink",
    "ChartRequest",
    "ChartRequestDetector",
    "ChartRequestInterval",
    "ChartRequestLeg",
    "ChartRequestPeriodType0",
    "ChartRequestSourceType0",
    "ChartRequestTheme",
    "ChartResponse",
    "Confluence",
    "ConfluenceSetup",
    "DependencyState",
    "DependencyStateState",
    "EqualLevel",
    "EqualLevelKind",
    "FairValueGap",
    "FairValueGapDirection",
    "FibAnchor",
    "FibAnchorKind",
    "FibAnchorState",
    "FibLevel",
    "FibLevelKind",
    "Fibonacci",
    "FibonacciAnchorSource",
    "FibonacciDirection",
    "FibonacciLeg",
    "FibonacciSetup",
    "GoldenPocketSetup",
    "Grade",
    "GradeLevels",
    "GradeOutcome",
    "GradeRealised",
    "Health",
    "HealthChecks",
    "HealthChecksAdditionalProperty",
    "HealthStatus",
    "HitRates",
    "HitRatesDetector",
    "ImbalanceSetup",
    "ImbalanceSetupBox",
    "ImbalanceSetupDirectionType0",
    "JwksResponseJwks",
    "JwksResponseJwksAdditionalPropertyItem",
    "LegOption",
    "LegOptionDirection",
    "LegOptionRole",
    "LevelHitRate",
    "LevelHitRateKind",
    "LevelHitRateVerdict",
    "LevelStatistic",
    "LevelStatisticVerdict",
    "MarketStructure",
    "MarketStructureBreakSource",
    "Me",
    "MetadataResponseMetadata",
    "OrderBlock",
    "OrderBlockDirection",
    "OrderBlockScale",
    "PricePosition",
    "Problem",
    "ProvisionalLeg",
    "Quote",
    "QuoteSource",
    "RateCounts",
    "Readiness",
    "ReadinessChecks",
    "ReadinessStatus",
    "ScanPage",
    "ScanRequest",
    "ScanRequestInterval",
    "ScanRequestPeriod",
    "ScanRequestSourceType0",
    "ScanRequestUniverse",
    "ScanRow",
    "ScanRowTrend",
    "ScanStatus",
    "ScanSummary",
    "ScanView",
    "SeriesInfo",
    "SessionInfo",
    "SetupMatch",
    "SetupMatchSetup",
    "StructureEvent",
    "StructureEventDirection",
    "StructureEventKind",
    "StructureEventScale",
    "StructureScale",
    "StructureScaleBiasType0",
    "StructureScaleScale",
    "StructureScaleTrend",
    "StructureSetup",
    "StructureSetupDirectionType0",
    "StructureSetupEvent",
    "StructureSetupScale",
    "Swing",
    "SwingKind",
    "SwingLabelType0",
    "SymbolFailure",
    "SymbolMatch",
    "SymbolMatchKind",
    "TimingsMs",
    "TrendSetup",
    "TrendSetupScale",
    "TrendSetupTrend",
    "WatchlistBody",
    "Zone",
    "ZoneRole",
    "ZoneSetup",
    "ZoneSetupRole",
)
